import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { oneTimeLinks } from '@/db/schema';
import { hashToken } from '@/lib/secrets/token-hash';
import { isLinkTokenShape } from './link-token';
import { linkRefusal, linkState } from './link-state';

/**
 * Marks the link used by `bookingId`, in the booking's own transaction: one conditional update, so of
 * two requests racing with one link exactly one books (the other finds it used: 409 `link_used`). The
 * booking row may come later in the transaction (the foreign key is checked at commit); a refused
 * booking rolls the use back. Expired → 409 `link_expired`; unknown, revoked or another meeting type's → 404.
 */
export async function consumeOneTimeLink(tx: Transaction, input: { token: string; meetingTypeId: string; bookingId: string; now: number }): Promise<void> {
  if (!isLinkTokenShape(input.token)) throw linkRefusal('invalid');
  const at = new Date(input.now);
  const ofThisLink = and(eq(oneTimeLinks.tokenHash, hashToken(input.token)), eq(oneTimeLinks.meetingTypeId, input.meetingTypeId));
  const consumed = await tx
    .update(oneTimeLinks)
    .set({ usedAt: at, usedByBookingId: input.bookingId })
    .where(and(ofThisLink, isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt), or(isNull(oneTimeLinks.expiresAt), gt(oneTimeLinks.expiresAt, at))))
    .returning({ id: oneTimeLinks.id });
  if (consumed.length > 0) return;
  // Only on the refusal path: read why, to tell a used link from an expired one.
  const [row] = await tx
    .select({ usedAt: oneTimeLinks.usedAt, revokedAt: oneTimeLinks.revokedAt, expiresAt: oneTimeLinks.expiresAt })
    .from(oneTimeLinks)
    .where(ofThisLink);
  const state = linkState(row, input.now);
  throw linkRefusal(state === 'open' ? 'invalid' : state);
}
