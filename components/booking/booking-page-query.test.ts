import { describe, expect, it } from 'vitest';
import { readBookingPageQuery } from './booking-page-query';

describe('readBookingPageQuery', () => {
  it('reads prefill and utm_* and carries them, with the embedding origin, to the next embed page', () => {
    const query = readBookingPageQuery({
      embed_origin: 'https://site.example',
      name: ' Ada Lovelace ',
      email: 'ada@example.com',
      utm_source: 'newsletter',
      utm_medium: ['email', 'other'],
      ref: 'ignored',
    });
    expect(query.prefill).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(query.tracking).toEqual({ utm_source: 'newsletter', utm_medium: 'email' });
    expect(Object.fromEntries(new URLSearchParams(query.carried.slice(1)))).toEqual({
      embed_origin: 'https://site.example',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      utm_source: 'newsletter',
      utm_medium: 'email',
    });
  });

  it('carries a language choice the page understands, and drops one it does not', () => {
    expect(readBookingPageQuery({ lang: 'de-AT' }).carried).toBe('?lang=de');
    expect(readBookingPageQuery({ lang: 'tlh' }).carried).toBe('');
  });

  it('carries nothing from an empty query and bounds long values', () => {
    expect(readBookingPageQuery({})).toEqual({ prefill: { name: undefined, email: undefined }, tracking: {}, carried: '' });
    expect(readBookingPageQuery({ name: 'x'.repeat(1000) }).prefill.name).toHaveLength(255);
  });
});
