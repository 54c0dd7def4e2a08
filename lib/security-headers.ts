import type { Env } from '@/lib/env';

// Which security headers a response carries, decided from its path alone so proxy.ts stays a few
// lines and every rule here is unit-tested. Pure: the nonce comes from the caller's generator.

type NodeEnv = Env['NODE_ENV'];

export interface SecurityHeaders {
  /** Sent to the browser. */
  response: Readonly<Record<string, string>>;
  /**
   * Added to a page request: Next.js reads the script nonce from its CSP while rendering; `x-nonce` is
   * for a server component that renders its own <Script>. None for API routes.
   */
  request?: Readonly<Record<string, string>>;
}

const isUnder = (pathname: string, root: string) => pathname === root || pathname.startsWith(`${root}/`);

const isApiPath = (pathname: string) => isUnder(pathname, '/api');
/** Pages made to be framed on other sites (the embeddable booking widget). */
const isEmbedPath = (pathname: string) => isUnder(pathname, '/embed');
/** Invitee pages whose address carries a secret: manage links (token in the query), one-time links (in the path). */
const isInviteeManagePath = (pathname: string) => pathname.startsWith('/bookings/') || pathname.startsWith('/d/') || pathname.startsWith('/embed/d/');

function baselineHeaders(pathname: string, nodeEnv: NodeEnv): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  if (!isEmbedPath(pathname)) headers['X-Frame-Options'] = 'DENY';
  // Only production is served over HTTPS; pinning localhost would break every local http:// app.
  if (nodeEnv === 'production') headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

const frameAncestors = (pathname: string) => `frame-ancestors ${isEmbedPath(pathname) ? '*' : "'none'"}`;

function pageContentSecurityPolicy(pathname: string, nonce: string, nodeEnv: NodeEnv): string {
  // React in `next dev` rebuilds server error stacks with eval; production never evals.
  const devEval = nodeEnv === 'development' ? " 'unsafe-eval'" : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    // Inline style attributes (React `style={…}`) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestors(pathname),
  ].join('; ');
}

// API replies are the hot path (availability is benchmarked): one frozen set per NODE_ENV, no nonce.
const apiHeadersByEnv = new Map<NodeEnv, SecurityHeaders>();

/** The headers every API reply carries (applied by lib/http's route wrapper, not the proxy). */
export function apiHeaders(nodeEnv: NodeEnv): SecurityHeaders {
  let headers = apiHeadersByEnv.get(nodeEnv);
  if (!headers) {
    const response = { ...baselineHeaders('/api', nodeEnv), 'Content-Security-Policy': frameAncestors('/api') };
    headers = Object.freeze({ response: Object.freeze(response) });
    apiHeadersByEnv.set(nodeEnv, headers);
  }
  return headers;
}

/** The headers for a request to `pathname`; `createNonce` is called once for a page, never for an API route. */
export function securityHeadersFor(pathname: string, nodeEnv: NodeEnv, createNonce: () => string): SecurityHeaders {
  if (isApiPath(pathname)) return apiHeaders(nodeEnv);
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(pathname, nonce, nodeEnv);
  const response: Record<string, string> = { ...baselineHeaders(pathname, nodeEnv), 'Content-Security-Policy': policy };
  if (isInviteeManagePath(pathname)) {
    response['Referrer-Policy'] = 'no-referrer';
    response['Cache-Control'] = 'no-store';
  }
  return { response, request: { 'Content-Security-Policy': policy, 'x-nonce': nonce } };
}
