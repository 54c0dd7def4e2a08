import { env } from '@/lib/env';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { tokenMatches } from '@/lib/secrets/token-hash';
import { bookingToken, tokenWith } from './tokens';

// The host's Approve and Decline links for a request. One token serves both (they lead to confirm
// pages, never a one-click GET); like the manage links it is derived, and only its SHA-256 is stored.
// It is single-use by construction: the decision is a compare-and-swap on the pending status.

export type ApprovalAction = 'approve' | 'decline';

/** A new request's token, made with the newest secret. */
export function approvalToken(bookingId: string): string {
  return bookingToken(bookingId, 'approve');
}

/** The token a request was issued (whichever listed secret made it), or null when none did. */
export function issuedApprovalToken(booking: { id: string; approvalTokenHash: string | null }): string | null {
  if (!booking.approvalTokenHash) return null;
  for (const secret of signingSecrets()) {
    const token = tokenWith(secret, booking.id, 'approve');
    if (tokenMatches(token, booking.approvalTokenHash)) return token;
  }
  return null;
}

export function approvalLink(bookingId: string, action: ApprovalAction, token: string): string {
  const base = env().APP_URL.replace(/\/$/, '');
  return `${base}/bookings/${bookingId}/${action}?token=${encodeURIComponent(token)}`;
}
