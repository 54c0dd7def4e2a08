import { describe, expect, it } from 'vitest';
import { maskEmail, REDACTED, scrubLogValue, scrubText } from './log-scrub';

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('Ann.Lee+work@Example.com')).toBe('A***@Example.com');
    expect(maskEmail('sent to bob@example.test and x@y.io')).toBe('sent to b***@example.test and x***@y.io');
    expect(maskEmail('no address here')).toBe('no address here');
  });
});

describe('scrubText', () => {
  it('redacts tokens in URLs and authorization values, and masks emails', () => {
    const line = 'GET /bookings/1/cancel?token=abc.DEF_123&x=1 by ann@example.com with Bearer eyJhbGciOi.x.y';
    const scrubbed = scrubText(line);
    expect(scrubbed).toBe(`GET /bookings/1/cancel?token=${REDACTED}&x=1 by a***@example.com with Bearer ${REDACTED}`);
    expect(scrubText('/callback?code=4/0Ab&state=s3cr3t')).toBe(`/callback?code=${REDACTED}&state=${REDACTED}`);
  });
});

describe('scrubLogValue', () => {
  it('redacts secret-named fields at any depth and scrubs every string, without touching the input', () => {
    const input = {
      password: 'hunter2 hunter2',
      user: { email: 'ann.lee@example.com', accessToken: 'ya29.secret', refresh_token: 'r', id: 'u1' },
      headers: { authorization: 'Bearer abc', cookie: 'authjs.session-token=xyz', 'x-request-id': 'req-12345678' },
      err: { message: 'failed for bob@example.test', stack: 'Error\n at /bookings/1?token=t0k3n' },
      list: ['carol@example.org'],
      count: 3,
      empty: null,
    };
    const snapshot = JSON.stringify(input);
    expect(scrubLogValue(input)).toEqual({
      password: REDACTED,
      user: { email: 'a***@example.com', accessToken: REDACTED, refresh_token: REDACTED, id: 'u1' },
      headers: { authorization: REDACTED, cookie: REDACTED, 'x-request-id': 'req-12345678' },
      err: { message: 'failed for b***@example.test', stack: `Error\n at /bookings/1?token=${REDACTED}` },
      list: ['c***@example.org'],
      count: 3,
      empty: null,
    });
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('keeps an Error readable: its type, message and stack, scrubbed', () => {
    const error = new TypeError('no account for dana@example.com');
    expect(scrubLogValue({ err: error })).toEqual({ err: { type: 'TypeError', message: 'no account for d***@example.com', stack: expect.stringContaining('d***@example.com') } });
  });
});
