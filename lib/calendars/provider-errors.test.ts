import { describe, expect, it } from 'vitest';
import { classifySyncError } from './provider-errors';
import { parseRetryAfter, ProviderHttpError } from './provider-request';

const http = (status: number, body: unknown = null, retryAfterMs: number | null = null) => new ProviderHttpError(status, body, 'Graph calendarView/delta', retryAfterMs);
const googleReason = (reason: string) => ({ error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ domain: 'usageLimits', reason }] } });

describe('classifySyncError', () => {
  it.each([429, 503])('treats %i as transient and keeps its Retry-After', (status) => {
    expect(classifySyncError(http(status, null, 2000))).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
  });

  it.each([408, 500, 502, 504])('treats %i as transient without advice', (status) => {
    expect(classifySyncError(http(status))).toMatchObject({ kind: 'transient', retryAfterMs: null });
  });

  it.each(['rateLimitExceeded', 'userRateLimitExceeded'])('treats Google’s 403 %s as transient', (reason) => {
    expect(classifySyncError(http(403, googleReason(reason)))).toMatchObject({ kind: 'transient', message: expect.stringMatching(/slow down/) });
  });

  it('treats other 403s, 400 and 404 as permanent', () => {
    for (const error of [http(403, googleReason('forbidden')), http(400), http(404)]) expect(classifySyncError(error).kind).toBe('permanent');
  });

  it('treats 401 as an auth problem', () => {
    expect(classifySyncError(http(401)).kind).toBe('auth');
  });

  it('treats timeouts and network failures as transient', () => {
    expect(classifySyncError(new DOMException('The operation was aborted due to timeout', 'TimeoutError')).kind).toBe('transient');
    expect(classifySyncError(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toMatchObject({ kind: 'transient', message: expect.stringContaining('ECONNREFUSED') });
    expect(classifySyncError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe('transient');
  });

  it('treats anything else as permanent, with its message', () => {
    expect(classifySyncError(new Error('The feed ended before END:VCALENDAR; it looks cut off.'))).toEqual({ kind: 'permanent', message: 'The feed ended before END:VCALENDAR; it looks cut off.' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Fri, 01 Jan 2027 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 31 Dec 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
