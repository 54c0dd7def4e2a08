import { createHash, timingSafeEqual } from 'node:crypto';

// Links mailed to people (booking manage links, account links) are stored only as their SHA-256, so a
// database leak reveals no usable link. Low on purpose: booking, availability and accounts all check them.

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(presented: string, storedHash: string): boolean {
  const presentedHash = Buffer.from(hashToken(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored);
}
