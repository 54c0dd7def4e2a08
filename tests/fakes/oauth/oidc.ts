import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

// OpenID Connect on top of the fake authorization servers: an RS256 signing key published as a JWK
// set, and ID tokens signed with it, as Google and the Microsoft identity platform issue them.

export interface OidcIdentity {
  sub: string;
  email: string;
  name: string;
  /** Extra claims: Google's email_verified, Entra's tid / oid / xms_edov / preferred_username. */
  claims?: Record<string, unknown>;
}

export class FakeOidcKeys {
  private readonly privateKey: KeyObject;
  readonly keyId = `kid-${randomBytes(6).toString('hex')}`;
  private readonly publicJwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig', alg: 'RS256' };
  }

  /** The JWK Set document (jwks_uri). */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [this.publicJwk] };
  }

  /** A signed ID token for `identity`, from `issuer` to `audience`. */
  idToken(options: { issuer: string; audience: string; identity: OidcIdentity; nonce?: string | null }): string {
    const now = Math.floor(Date.now() / 1000);
    const { identity } = options;
    const payload = {
      iss: options.issuer,
      aud: options.audience,
      sub: identity.sub,
      iat: now,
      nbf: now,
      exp: now + 3600,
      email: identity.email,
      name: identity.name,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...identity.claims,
    };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })}.${encode(payload)}`;
    return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput), this.privateKey).toString('base64url')}`;
  }
}
