import { describe, expect, it } from 'vitest';
import { generateApiKey, looksLikeApiKey, shownPrefix } from './key-format';

describe('API key format', () => {
  it('is rdv_ and 43 base62 characters, different every time', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^rdv_[0-9A-Za-z]{43}$/);
      expect(looksLikeApiKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('spreads over the whole alphabet (base62 of 32 random bytes, not hex)', () => {
    const characters = new Set(Array.from({ length: 50 }, generateApiKey).flatMap((key) => [...key.slice(4)]));
    expect(characters.size).toBeGreaterThan(55);
  });

  it('refuses other shapes before any lookup, and shows only the first 12 characters', () => {
    for (const text of ['rdv_', 'rdv_short', `RDV_${'a'.repeat(43)}`, `rdv_${'a'.repeat(42)}!`, `rdv_${'a'.repeat(44)}`]) expect(looksLikeApiKey(text)).toBe(false);
    expect(shownPrefix(`rdv_${'Ab3'.repeat(15)}`.slice(0, 47))).toBe('rdv_Ab3Ab3Ab');
  });
});
