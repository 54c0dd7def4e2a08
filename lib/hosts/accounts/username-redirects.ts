import { eq } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { usernameRedirects, users } from '@/db/schema';
import { normaliseUsername } from '@/lib/ids';

// A host who changes their username keeps their old links: the old name points at the host (not at
// a name), so /old finds today's name however often it changed since. A name given up is never
// handed to another host (isUsernameTaken counts redirects), so an old link never changes owner.

/** Today's username of the host who once used `oldUsername`, or null. */
export async function findRenamedUsername(database: Queryable, oldUsername: string): Promise<string | null> {
  const normalised = normaliseUsername(oldUsername);
  if (!normalised) return null;
  const [row] = await database
    .select({ username: users.username })
    .from(usernameRedirects)
    .innerJoin(users, eq(users.id, usernameRedirects.userId))
    .where(eq(usernameRedirects.username, normalised));
  return row && row.username !== normalised ? row.username : null;
}

/** Inside the rename's transaction: the old name redirects to the host; the new one redirects nowhere. */
export async function recordUsernameChange(tx: Transaction, hostUserId: string, from: string, to: string): Promise<void> {
  await tx.delete(usernameRedirects).where(eq(usernameRedirects.username, to));
  await tx
    .insert(usernameRedirects)
    .values({ username: from, userId: hostUserId })
    .onConflictDoUpdate({ target: usernameRedirects.username, set: { userId: hostUserId } });
}
