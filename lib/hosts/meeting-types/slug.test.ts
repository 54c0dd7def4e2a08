import { describe, expect, it } from 'vitest';
import { freeCopySlug, MAX_SLUG_LENGTH, SLUG_PATTERN, slugFromName } from './slug';

describe('slugFromName', () => {
  it('turns a name into lower-case words joined by single hyphens', () => {
    expect(slugFromName("Intro call (30')")).toBe('intro-call-30');
    expect(slugFromName('  Café  Über --- Chat ')).toBe('cafe-uber-chat');
    expect(slugFromName('会議')).toBe('');
  });

  it('never exceeds the maximum length nor ends with a hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(MAX_SLUG_LENGTH - 1)} b`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('freeCopySlug', () => {
  it('takes the first free "-copy" variant', () => {
    expect(freeCopySlug('intro', new Set(['intro']))).toBe('intro-copy');
    expect(freeCopySlug('intro', new Set(['intro', 'intro-copy', 'intro-copy-2']))).toBe('intro-copy-3');
  });

  it('shortens a long base so the copy still fits', () => {
    const base = 'x'.repeat(MAX_SLUG_LENGTH);
    const copy = freeCopySlug(base, new Set([base]));
    expect(copy).toHaveLength(MAX_SLUG_LENGTH);
    expect(copy.endsWith('-copy')).toBe(true);
  });
});
