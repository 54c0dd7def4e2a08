import { createHmac } from 'node:crypto';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { env } from '@/lib/env';
import { tokenMatches } from '@/lib/secrets/token-hash';

// Links that let an invitee manage a booking without an account. A token is HMAC-SHA256(secret,
// purpose + booking id): 256 unpredictable bits without the secret. Only its SHA-256 is stored, so a
// database leak reveals no usable link; deriving it (not storing it) lets a reply, a retry or a
// reminder sent days later give the very same links.

export type TokenPurpose = 'cancel' | 'reschedule';
/** `approve`: the host's link to approve or decline a request (lib/booking/approval-links.ts). */
export type SignedPurpose = TokenPurpose | 'approve';

export function tokenWith(secret: string, bookingId: string, purpose: SignedPurpose): string {
  return createHmac('sha256', secret).update(`rendezvous:${purpose}:${bookingId}`).digest('base64url');
}

/** A new booking's token, made with the newest secret. */
export function bookingToken(bookingId: string, purpose: SignedPurpose): string {
  return tokenWith(signingSecrets()[0]!, bookingId, purpose);
}

/**
 * The token an existing booking was issued: derived with whichever listed secret made it (newest
 * first), so rotating AUTH_SECRET does not break links already sent. Null when none of the listed
 * secrets made it (its secret was dropped from AUTH_SECRET_PREVIOUS).
 */
export function issuedToken(booking: { id: string; cancelTokenHash: string; rescheduleTokenHash: string }, purpose: TokenPurpose): string | null {
  const storedHash = purpose === 'cancel' ? booking.cancelTokenHash : booking.rescheduleTokenHash;
  for (const secret of signingSecrets()) {
    const token = tokenWith(secret, booking.id, purpose);
    if (tokenMatches(token, storedHash)) return token;
  }
  return null;
}

export function bookingLink(bookingId: string, purpose: TokenPurpose, token: string): string {
  const base = env().APP_URL.replace(/\/$/, '');
  return `${base}/bookings/${bookingId}/${purpose}?token=${encodeURIComponent(token)}`;
}
