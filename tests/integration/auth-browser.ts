import { NextRequest } from 'next/server';
import type { Database } from '@/db/client';
import { handlers } from '@/lib/auth/auth';
import { hashPassword } from '@/lib/secrets/password';
import { createHost, uniqueSuffix } from '../factories';

// A browser, as far as Auth.js can tell: a cookie jar driven through its own route handlers (CSRF,
// credentials sign-in, session, sign-out), with no Next.js server needed.

const origin = 'http://localhost:3000';

export type Jar = Map<string, string>;

function remember(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair!.split('=');
    if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!);
    else jar.set(name!, value.join('='));
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

export async function call(jar: Jar, method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Response> {
  const request = new NextRequest(`${origin}${path}`, {
    method,
    headers: { cookie: cookieHeader(jar), ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  const response = await (method === 'GET' ? handlers.GET(request) : handlers.POST(request));
  remember(jar, response);
  return response;
}

export async function csrf(jar: Jar): Promise<string> {
  return ((await (await call(jar, 'GET', '/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

export async function signedInBrowser(email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  await call(jar, 'POST', '/api/auth/callback/credentials', { email, password, csrfToken: await csrf(jar) });
  return jar;
}

export async function sessionUser(jar: Jar): Promise<string | null> {
  const body = (await (await call(new Map(jar), 'GET', '/api/auth/session')).json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

export async function hostWithPassword(database: Database) {
  const password = `pw-${uniqueSuffix()}-long`;
  const host = await createHost(database, { passwordHash: await hashPassword(password) });
  return { ...host, password };
}

