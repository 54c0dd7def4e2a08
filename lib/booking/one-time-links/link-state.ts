import { AppError, notFound } from '@/lib/errors';

// What a one-time link can be, read from its row. Revoked links and unknown tokens look the same to
// an invitee; used and expired ones are told apart, so the invitee knows to ask the host again.

export type LinkState = 'open' | 'used' | 'expired' | 'invalid';

export interface LinkRow {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export function linkState(row: LinkRow | undefined, now: number): LinkState {
  if (!row || row.revokedAt) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt && row.expiresAt.getTime() <= now) return 'expired';
  return 'open';
}

/** The API's refusal for a link that cannot book: 409 for used or expired, 404 for the rest. */
export function linkRefusal(state: Exclude<LinkState, 'open'>): AppError {
  if (state === 'used') return new AppError('link_used', 'This link has already been used.');
  if (state === 'expired') return new AppError('link_expired', 'This link has expired.');
  return notFound('One-time link');
}
