import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { errorResponse, etagMatches, jsonBytes, parseOptionalHeader } from './http';

describe('parseOptionalHeader', () => {
  const field = z.string().regex(/^[a-z]+$/);

  it('is undefined when the header is absent, the value when valid, and a 400 when not', () => {
    expect(parseOptionalHeader(new Request('http://x'), 'x-key', field)).toBeUndefined();
    expect(parseOptionalHeader(new Request('http://x', { headers: { 'x-key': 'abc' } }), 'x-key', field)).toBe('abc');
    expect(() => parseOptionalHeader(new Request('http://x', { headers: { 'x-key': 'ABC' } }), 'x-key', field)).toThrow(AppError);
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

describe('etagMatches', () => {
  const tag = '"abc"';
  const asking = (header: string) => new Request('http://x', { headers: { 'if-none-match': header } });

  it('matches the tag, its weak form, a list containing it, and *', () => {
    for (const header of ['"abc"', 'W/"abc"', '"x", "abc"', '*']) expect(etagMatches(asking(header), tag)).toBe(true);
  });

  it('does not match another tag or a request without If-None-Match', () => {
    expect(etagMatches(asking('"abd"'), tag)).toBe(false);
    expect(etagMatches(new Request('http://x'), tag)).toBe(false);
  });
});
