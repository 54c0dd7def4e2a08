import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { LOCALE_COOKIE, LOCALE_HEADER } from '@/lib/i18n/locales';
import { localeCookie, requestLocale } from '@/lib/i18n/request-locale';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/request-id';
import { securityHeadersFor } from '@/lib/security-headers';

// Security headers for pages (rules: lib/security-headers.ts; API routes: lib/http's route wrapper).
// Pages get a fresh CSP nonce on the request, which Next.js reads while rendering to mark its own
// scripts, and a request id (a sane incoming X-Request-Id, else a new one) that server actions log with.
// The invitee's language (?lang=, cookie, Accept-Language) is negotiated once here and handed on the
// same way; a `?lang=` choice is remembered in a cookie. (Pages are private, no-store: no shared cache
// keeps one language's page for another invitee.)
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeadersFor(request.nextUrl.pathname, env().NODE_ENV, createNonce);
  const requestId = requestIdFrom(request.headers);
  const { locale, remember } = requestLocale(request.nextUrl.searchParams, request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  const added = { ...headers.request, [REQUEST_ID_HEADER]: requestId, [LOCALE_HEADER]: locale };
  const response = NextResponse.next({ request: { headers: withHeaders(request.headers, added) } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (remember) response.cookies.set(localeCookie(remember, env().NODE_ENV === 'production'));
  return response;
}

function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

function withHeaders(original: Headers, added: Readonly<Record<string, string>>): Headers {
  const headers = new Headers(original);
  for (const [name, value] of Object.entries(added)) headers.set(name, value);
  return headers;
}

export const config = {
  // Built assets and the favicon are files served with exact content types. API routes get their
  // (static) headers from lib/http's route wrapper instead: running the proxy in front of them cost
  // more than half of a bare handler's throughput in the bench.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.svg$|favicon\\.ico$).*)'],
};
