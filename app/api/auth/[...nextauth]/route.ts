import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { authUrl } from '@/lib/env';
import { withApiHeaders, withRequestId } from '@/lib/http';

// Auth.js's endpoints (sign-in callbacks, session, CSRF, sign-out). Public by nature. Each request is
// addressed to APP_URL's origin before Auth.js sees it: under `npm start` Next.js reports the listening
// address (0.0.0.0, as localhost), and Auth.js builds redirect_uri and every redirect from the request.
function atPublicOrigin(request: NextRequest): NextRequest {
  const publicOrigin = new URL(authUrl()).origin;
  if (request.nextUrl.origin === publicOrigin) return request;
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, publicOrigin), request);
}

export const GET = async (request: NextRequest) => withRequestId(request, async () => withApiHeaders(await handlers.GET(atPublicOrigin(request))));
export const POST = async (request: NextRequest) => withRequestId(request, async () => withApiHeaders(await handlers.POST(atPublicOrigin(request))));
