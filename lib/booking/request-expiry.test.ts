import { describe, expect, it } from 'vitest';
import { requestExpiresAt } from './request-expiry';

const now = Date.parse('2026-12-01T09:00:00Z');
const hours = (n: number) => n * 60 * 60 * 1000;

describe('requestExpiresAt', () => {
  it('expires a request N hours after it was made when the meeting is later', () => {
    expect(requestExpiresAt({ now, start: now + hours(72), autoDeclineAfterHours: 24 }).toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });

  it('never lets a request outlive the start of its meeting', () => {
    expect(requestExpiresAt({ now, start: now + hours(3), autoDeclineAfterHours: 24 }).getTime()).toBe(now + hours(3));
  });

  it('without an auto-decline setting, expires the request when the meeting would start', () => {
    expect(requestExpiresAt({ now, start: now + hours(100), autoDeclineAfterHours: null }).getTime()).toBe(now + hours(100));
  });
});
