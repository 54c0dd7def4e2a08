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

  it('reads answers to prefill from q.<question id>, several values for several choices, and carries them', () => {
    const query = readBookingPageQuery({ 'q.company': 'Acme', 'q.topics': ['Pricing', 'Security'], 'q.Bad Id': 'x', q: 'nothing' });
    expect(query.prefill.answers).toEqual({ company: ['Acme'], topics: ['Pricing', 'Security'] });
    expect(new URLSearchParams(query.carried.slice(1)).getAll('q.topics')).toEqual(['Pricing', 'Security']);
  });

  it('bounds answer prefills: at most 20 questions, 30 values each, each cut to the longest answer', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`q.q${i}`, Array.from({ length: 40 }, () => 'y'.repeat(6000))]));
    const answers = readBookingPageQuery(many).prefill.answers ?? {};
    expect(Object.keys(answers)).toHaveLength(20);
    expect(answers.q0).toHaveLength(30);
    expect(answers.q0?.[0]).toHaveLength(5000);
  });
});
