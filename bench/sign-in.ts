// Signs a host in over HTTP exactly as a browser's credentials form does with Auth.js: fetch a CSRF
// token (and its cookie), post the form, keep the session cookie from the redirect. Returns the
// Cookie header to send with later requests.

/** "name=value" pairs from every Set-Cookie of a response, by name. */
function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  return cookies;
}

const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  if (!csrfResponse.ok) throw new Error(`sign-in: GET /api/auth/csrf answered HTTP ${csrfResponse.status}`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('sign-in: no csrfToken in /api/auth/csrf');
  const cookies = cookiesOf(csrfResponse);

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/dashboard` }),
    signal: AbortSignal.timeout(10_000),
  });
  for (const [name, value] of cookiesOf(response)) cookies.set(name, value);
  // Plain http: no __Secure- prefix. A large token would be split into .0, .1, …; ours is small.
  if (!cookies.get('authjs.session-token')) {
    throw new Error(`sign-in failed: HTTP ${response.status}, redirect to ${response.headers.get('location') ?? '(none)'}, no authjs.session-token cookie`);
  }
  return cookieHeader(cookies);
}
