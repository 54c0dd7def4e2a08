import { createHash, randomBytes } from 'node:crypto';
import { clientCredentials, type FakeReply, type FakeRequest, form, json } from './fake-http';

// An OAuth 2.0 authorization server as Google and Microsoft run it, for the fakes: the consent page
// consents at once (redirects back with a code), codes are single-use and PKCE S256-bound, refresh
// tokens can be revoked (→ invalid_grant), access tokens expire when told to.

export interface AuthorizationServerOptions {
  clientId: string;
  clientSecret: string;
  /** Microsoft hands out a new refresh token on every refresh; Google does not. */
  rotateRefreshTokens: boolean;
  accessTokenSeconds?: number;
}

/** What an `openid` grant's ID token says, decided when the token is issued (null: no ID token). */
export type IdTokenIssuer = (grant: { scope: string; nonce: string | null }) => string | null;

export class FakeAuthorizationServer {
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; scope: string; nonce: string | null }>();
  /** Set by an OIDC fake: adds `id_token` to code grants that asked for `openid`. */
  issueIdToken: IdTokenIssuer | null = null;
  /** Every redirect_uri a consent page was asked to send the browser back to. */
  readonly redirectUris: string[] = [];
  private readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Map<string, number>();
  /** Every refresh_token grant answered (successful or not). */
  refreshCount = 0;
  /** The last consent page's query, for assertions (scopes, PKCE method, offline access). */
  lastAuthorization: URLSearchParams | null = null;
  /** Milliseconds a token request waits before answering (to line up concurrent refreshes). */
  tokenDelayMs = 0;

  constructor(private readonly options: AuthorizationServerOptions) {}

  authorize(request: FakeRequest): FakeReply {
    const query = request.url.searchParams;
    this.lastAuthorization = query;
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== this.options.clientId || !redirectUri) return json(400, { error: 'invalid_request' });
    if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) return json(400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
    this.redirectUris.push(redirectUri);
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { challenge: query.get('code_challenge')!, redirectUri, scope: query.get('scope') ?? '', nonce: query.get('nonce') });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  }

  async token(request: FakeRequest): Promise<FakeReply> {
    if (this.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, this.tokenDelayMs));
    const credentials = clientCredentials(request);
    if (credentials.id !== this.options.clientId || credentials.secret !== this.options.clientSecret) return json(401, { error: 'invalid_client' });
    const body = form(request);
    if (body.get('grant_type') === 'authorization_code') {
      const entry = this.codes.get(body.get('code') ?? '');
      this.codes.delete(body.get('code') ?? '');
      const verifier = body.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!entry || entry.challenge !== challenge || entry.redirectUri !== body.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
      const refreshToken = this.newRefreshToken();
      const idToken = entry.scope.split(' ').includes('openid') ? this.issueIdToken?.({ scope: entry.scope, nonce: entry.nonce }) : null;
      return json(200, { ...this.newAccessToken(), refresh_token: refreshToken, scope: entry.scope, ...(idToken ? { id_token: idToken } : {}) });
    }
    if (body.get('grant_type') === 'refresh_token') {
      this.refreshCount += 1;
      const presented = body.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(presented)) return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      if (!this.options.rotateRefreshTokens) return json(200, this.newAccessToken());
      this.refreshTokens.delete(presented);
      return json(200, { ...this.newAccessToken(), refresh_token: this.newRefreshToken() });
    }
    return json(400, { error: 'unsupported_grant_type' });
  }

  revoke(request: FakeRequest): FakeReply {
    const token = form(request).get('token') ?? '';
    this.refreshTokens.delete(token);
    this.accessTokens.delete(token);
    this.revoked.push(token);
    return json(200, {});
  }

  readonly revoked: string[] = [];

  /** The host withdrew consent: every refresh token stops working. */
  revokeAllGrants(): void {
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  isValidAccessToken(token: string | null): boolean {
    const expires = token ? this.accessTokens.get(token) : undefined;
    return expires !== undefined && expires > Date.now();
  }

  private newAccessToken() {
    const token = `at-${randomBytes(12).toString('hex')}`;
    const seconds = this.options.accessTokenSeconds ?? 3599;
    this.accessTokens.set(token, Date.now() + seconds * 1000);
    return { access_token: token, expires_in: seconds, token_type: 'Bearer' };
  }

  private newRefreshToken(): string {
    const token = `rt-${randomBytes(12).toString('hex')}`;
    this.refreshTokens.add(token);
    return token;
  }
}
