import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { clientAddress, errorResponse, jsonBytes, memoizedQueryParser } from './http';

describe('memoizedQueryParser', () => {
  const parse = memoizedQueryParser(z.strictObject({ n: z.coerce.number().int() }));

  it('returns the same frozen value for the same query string', () => {
    const first = parse(new Request('http://x/a?n=1'));
    expect(first).toEqual({ n: 1 });
    expect(Object.isFrozen(first)).toBe(true);
    expect(parse(new Request('http://y/b?n=1'))).toBe(first);
    expect(parse(new Request('http://x/a?n=2'))).toEqual({ n: 2 });
  });

  it('never remembers a failure: bad input fails every time with 400', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => parse(new Request('http://x/a?n=zz'))).toThrow(AppError);
      expect(() => parse(new Request('http://x/a'))).toThrow(/Invalid query parameters/);
    }
  });
});

describe('jsonBytes', () => {
  it('sends a remembered body as often as asked, without consuming or changing it', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ slots: Array.from({ length: 500 }, (_, i) => ({ i })) }));
    const copy = body.slice();
    for (let i = 0; i < 3; i++) {
      const reply = jsonBytes(body);
      expect(reply.headers.get('content-type')).toBe('application/json');
      expect(reply.headers.get('content-length')).toBe(String(body.byteLength));
      expect(new Uint8Array(await reply.arrayBuffer())).toEqual(copy);
    }
    expect(body).toEqual(copy);
  });
});

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For hop (the one the server or the trusted proxy recorded)', () => {
    expect(clientAddress(new Request('http://x', { headers: { 'x-forwarded-for': '10.0.0.1, 203.0.113.9' } }))).toBe('203.0.113.9');
    expect(clientAddress(new Request('http://x'))).toBe('unknown');
  });
});

describe('errorResponse', () => {
  it('answers unknown errors with a generic 500 that reveals nothing', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const reply = errorResponse(new Error('password=hunter2 at db.internal'));
      expect(reply.status).toBe(500);
      const text = await reply.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
      expect(text).not.toContain('hunter2');
    } finally {
      console.error = original;
    }
  });

  it('carries Retry-After on 429', () => {
    const reply = errorResponse(new AppError('rate_limited', 'slow down', { retryAfterSeconds: 7 }));
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
  });
});
