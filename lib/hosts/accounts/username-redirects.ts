import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { usernameRedirects, users } from '@/db/schema';
import { normaliseUsername } from '@/lib/ids';

// A host who changes their username keeps their old links for a while: the old name points at the
// host (not at a name), so /old finds today's name however often it changed since. For
// USERNAME_REDIRECT_DAYS nobody else may take the old name; then it is released (an expired row is
// ignored everywhere and deleted on the next rename), so one account cannot hoard names.

export const USERNAME_REDIRECT_DAYS = 90;

/** Today's username of the host who used `oldUsername` within the redirect's lifetime, or null. */
export async function findRenamedUsername(database: Queryable, oldUsername: string): Promise<string | null> {
  const normalised = normaliseUsername(oldUsername);
  if (!normalised) return null;
  const [row] = await database
    .select({ username: users.username })
    .from(usernameRedirects)
    .innerJoin(users, eq(users.id, usernameRedirects.userId))
    .where(and(eq(usernameRedirects.username, normalised), gt(usernameRedirects.expiresAt, sql`now()`)));
  return row && row.username !== normalised ? row.username : null;
}

/** Inside the rename's transaction: the old name redirects to the host; the new one redirects nowhere. */
export async function recordUsernameChange(tx: Transaction, hostUserId: string, from: string, to: string): Promise<void> {
  await tx.delete(usernameRedirects).where(eq(usernameRedirects.username, to));
  await tx.delete(usernameRedirects).where(lte(usernameRedirects.expiresAt, sql`now()`));
  const expiresAt = sql`now() + make_interval(days => ${USERNAME_REDIRECT_DAYS})`;
  await tx
    .insert(usernameRedirects)
    .values({ username: from, userId: hostUserId, expiresAt })
    .onConflictDoUpdate({ target: usernameRedirects.username, set: { userId: hostUserId, expiresAt } });
}
