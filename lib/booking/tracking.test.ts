import { describe, expect, it } from 'vitest';
import { trackingField, trackingFromQuery } from './tracking';

describe('trackingFromQuery', () => {
  it('keeps only the five utm_* keys, the first of repeated values, trimmed and cut to 200 characters', () => {
    const tracking = trackingFromQuery({
      utm_source: [' news ', 'other'],
      utm_medium: 'email',
      utm_term: 'x'.repeat(300),
      ref: 'ignored',
      name: 'Ada',
    });
    expect(tracking).toEqual({ utm_source: 'news', utm_medium: 'email', utm_term: 'x'.repeat(200) });
    expect(trackingField.parse(tracking)).toEqual(tracking);
  });

  it('drops empty values and values the API would refuse', () => {
    expect(trackingFromQuery({ utm_source: '', utm_medium: 'a\u202eb', utm_content: 'line\nbreak' })).toEqual({});
    expect(trackingField.parse({})).toBeUndefined();
  });
});
