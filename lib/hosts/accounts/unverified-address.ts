import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, sessions, users } from '@/db/schema';

// An unverified account does not own its address. When someone proves they do (a password sign-up
// that will have to verify, a Google/Microsoft sign-in whose provider vouches for it, or a confirmed
// email change), the unverified holder lets go: deleted when nothing references it (the usual case:
// an unverified host's pages take no bookings), else moved to a placeholder address that can never
// receive mail, and signed out everywhere.

/** The address an unverified account is moved to when it loses its address but must be kept. */
export const placeholderAddress = (userId: string) => `${userId}@unverified.invalid`;

/** Frees `email` from an unverified account (other than `keep`); call inside the claiming transaction. */
export async function releaseUnverifiedAddress(tx: Queryable, email: string, keep?: string): Promise<boolean> {
  const [holder] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.emailVerified), ...(keep ? [ne(users.id, keep)] : [])))
    .for('update');
  if (!holder) return false;
  const [booked] = await tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.hostUserId, holder.id)).limit(1);
  if (!booked) {
    await tx.delete(users).where(eq(users.id, holder.id));
    return true;
  }
  await tx.update(users).set({ email: placeholderAddress(holder.id) }).where(eq(users.id, holder.id));
  await tx.delete(sessions).where(eq(sessions.userId, holder.id));
  return true;
}
