import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { isLinkTokenShape, newLinkToken } from './link-token';
import { linkRefusal, linkState } from './link-state';

const NOW = Date.UTC(2027, 0, 11, 12);
const open = { usedAt: null, revokedAt: null, expiresAt: null };

describe('linkState', () => {
  it.each([
    ['no row (forged)', undefined, 'invalid'],
    ['open, never expires', open, 'open'],
    ['open until later', { ...open, expiresAt: new Date(NOW + 1) }, 'open'],
    ['expiring exactly now', { ...open, expiresAt: new Date(NOW) }, 'expired'],
    ['used', { ...open, usedAt: new Date(NOW - 1) }, 'used'],
    ['used after it expired is still used', { ...open, usedAt: new Date(NOW - 10), expiresAt: new Date(NOW - 1) }, 'used'],
    ['revoked looks like forged', { ...open, revokedAt: new Date(NOW - 1) }, 'invalid'],
  ] as const)('%s → %s', (_name, row, state) => {
    expect(linkState(row, NOW)).toBe(state);
  });
});

describe('linkRefusal', () => {
  it('answers used and expired with 409 and their own codes, anything else with 404', () => {
    const refusals = (['used', 'expired', 'invalid'] as const).map((state) => linkRefusal(state));
    expect(refusals.every((error) => error instanceof AppError)).toBe(true);
    expect(refusals.map((error) => [error.code, error.status])).toEqual([
      ['link_used', 409],
      ['link_expired', 409],
      ['not_found', 404],
    ]);
  });
});

describe('link tokens', () => {
  it('are 43 URL-safe characters (32 random bytes), each one new', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newLinkToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(isLinkTokenShape(token)).toBe(true);
  });

  it.each(['', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`, `${'a'.repeat(42)}é`])('refuses the shape %j', (token) => {
    expect(isLinkTokenShape(token)).toBe(false);
  });
});
