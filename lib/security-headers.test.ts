import { describe, expect, it, vi } from 'vitest';
import { securityHeadersFor } from './security-headers';

const NONCE = 'bm9uY2Utb2YtdGVzdA==';
const fixedNonce = () => NONCE;

/** The directives of a policy by name, e.g. `{ 'script-src': "'self' 'nonce-…'" }`. */
function directives(policy: string | undefined): Record<string, string> {
  if (!policy) throw new Error('no Content-Security-Policy');
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

describe('securityHeadersFor: every response', () => {
  it.each(['/', '/demo', '/demo/intro', '/bookings/x/cancel', '/api/health', '/api/v1/availability', '/embed/demo/intro'])(
    'sends nosniff on %s',
    (path) => {
      expect(securityHeadersFor(path, 'production', fixedNonce).response['X-Content-Type-Options']).toBe('nosniff');
    },
  );

  it.each(['/', '/demo/intro', '/api/v1/bookings', '/embed'])('keeps the referrer to the origin on %s', (path) => {
    expect(securityHeadersFor(path, 'production', fixedNonce).response['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('sends HSTS in production only', () => {
    for (const path of ['/', '/api/health']) {
      expect(securityHeadersFor(path, 'production', fixedNonce).response['Strict-Transport-Security']).toBe(
        'max-age=63072000; includeSubDomains',
      );
      expect(securityHeadersFor(path, 'development', fixedNonce).response).not.toHaveProperty('Strict-Transport-Security');
      expect(securityHeadersFor(path, 'test', fixedNonce).response).not.toHaveProperty('Strict-Transport-Security');
    }
  });
});

describe('securityHeadersFor: framing', () => {
  it.each(['/', '/demo', '/demo/intro', '/bookings/x/reschedule', '/embedded', '/demo/embed'])('denies framing of the page %s', (path) => {
    const { response } = securityHeadersFor(path, 'production', fixedNonce);
    expect(response['X-Frame-Options']).toBe('DENY');
    expect(directives(response['Content-Security-Policy'])['frame-ancestors']).toBe("'none'");
  });

  it.each(['/api/health', '/api/v1/availability', '/api'])('denies framing of the API route %s with a framing-only policy', (path) => {
    const { response } = securityHeadersFor(path, 'production', fixedNonce);
    expect(response['X-Frame-Options']).toBe('DENY');
    expect(response['Content-Security-Policy']).toBe("frame-ancestors 'none'");
  });

  it.each(['/embed', '/embed/', '/embed/demo/intro'])('lets any site frame the embed route %s', (path) => {
    const { response } = securityHeadersFor(path, 'production', fixedNonce);
    expect(response).not.toHaveProperty('X-Frame-Options');
    expect(directives(response['Content-Security-Policy'])['frame-ancestors']).toBe('*');
    expect(directives(response['Content-Security-Policy'])['script-src']).toContain(`'nonce-${NONCE}'`);
  });
});

describe('securityHeadersFor: page Content-Security-Policy', () => {
  it('allows only same-origin resources and scripts carrying this request’s nonce', () => {
    const policy = directives(securityHeadersFor('/demo/intro', 'production', fixedNonce).response['Content-Security-Policy']);
    expect(policy).toEqual({
      'default-src': "'self'",
      'script-src': `'self' 'nonce-${NONCE}' 'strict-dynamic'`,
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
  });

  it("adds 'unsafe-eval' for next dev only", () => {
    const scriptSrc = (nodeEnv: 'development' | 'production' | 'test') =>
      directives(securityHeadersFor('/', nodeEnv, fixedNonce).response['Content-Security-Policy'])['script-src'];
    expect(scriptSrc('development')).toContain("'unsafe-eval'");
    expect(scriptSrc('production')).not.toContain('unsafe-eval');
    expect(scriptSrc('test')).not.toContain('unsafe-eval');
  });

  it('puts the same policy and the nonce on the request, where Next.js reads them while rendering', () => {
    const { response, request } = securityHeadersFor('/demo', 'production', fixedNonce);
    expect(request).toEqual({ 'Content-Security-Policy': response['Content-Security-Policy'], 'x-nonce': NONCE });
  });

  it('asks for one nonce per page request and none for an API route', () => {
    const createNonce = vi.fn(() => NONCE);
    securityHeadersFor('/demo/intro', 'production', createNonce);
    expect(createNonce).toHaveBeenCalledTimes(1);
    const api = securityHeadersFor('/api/v1/availability', 'production', createNonce);
    expect(createNonce).toHaveBeenCalledTimes(1);
    expect(api.request).toBeUndefined();
  });
});

describe('securityHeadersFor: invitee manage pages', () => {
  it.each([
    '/bookings/0b6f3c52-1a0e-4c57-9a55-1f9b8f0e2d11/cancel',
    '/bookings/0b6f3c52-1a0e-4c57-9a55-1f9b8f0e2d11/reschedule',
    // One-time links carry their token in the path; only the /embed one may be framed.
    '/d/ZmFrZS10b2tlbi1mb3ItdGVzdGluZy1vbmx5LTEyMzQ1Njc4',
    '/embed/d/ZmFrZS10b2tlbi1mb3ItdGVzdGluZy1vbmx5LTEyMzQ1Njc4',
  ])('keeps the tokened link %s out of Referer headers and caches', (path) => {
    const { response } = securityHeadersFor(path, 'production', fixedNonce);
    expect(response['Referrer-Policy']).toBe('no-referrer');
    expect(response['Cache-Control']).toBe('no-store');
    expect(response['X-Frame-Options']).toBe(path.startsWith('/embed/') ? undefined : 'DENY');
  });

  it.each(['/', '/demo/intro', '/api/v1/availability', '/api/v1/bookings/x/cancel', '/embed/demo/intro', '/dev/mail', '/demo/d'])(
    'leaves Cache-Control of %s to the route',
    (path) => {
      expect(securityHeadersFor(path, 'production', fixedNonce).response).not.toHaveProperty('Cache-Control');
    },
  );
});
