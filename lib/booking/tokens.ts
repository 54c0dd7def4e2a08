import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// Links that let an invitee manage a booking without an account. A token is HMAC-SHA256(secret,
// purpose + booking id): 256 unpredictable bits without the secret. Only its SHA-256 is stored, so a
// database leak reveals no usable link; deriving it (not storing it) lets an idempotent retry return
// the very same links.

export type TokenPurpose = 'cancel' | 'reschedule';

const DEVELOPMENT_SECRET = 'rendezvous-development-only-secret';
let warned = false;

function tokenSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') throw new Error('AUTH_SECRET must be set in production (booking links are signed with it)');
  if (!warned) {
    warned = true;
    console.warn('[rendezvous] AUTH_SECRET is not set; using a development secret for booking links');
  }
  return DEVELOPMENT_SECRET;
}

export function bookingToken(bookingId: string, purpose: TokenPurpose): string {
  return createHmac('sha256', tokenSecret()).update(`rendezvous:${purpose}:${bookingId}`).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(presented: string, storedHash: string): boolean {
  const presentedHash = Buffer.from(hashToken(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored);
}

export function bookingLinks(bookingId: string): { cancelUrl: string; rescheduleUrl: string } {
  const base = env().APP_URL.replace(/\/$/, '');
  const link = (purpose: TokenPurpose) =>
    `${base}/bookings/${bookingId}/${purpose}?token=${encodeURIComponent(bookingToken(bookingId, purpose))}`;
  return { cancelUrl: link('cancel'), rescheduleUrl: link('reschedule') };
}
