import { and, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { usernameChanges } from '@/db/schema';
import { fieldError } from '@/lib/errors';
import { formatDateTime, type HostClockSettings, resolveHourCycle } from '@/lib/hosts/host-clock';

// Renames are limited (RENAMES_PER_WINDOW in RENAME_WINDOW_DAYS), so one account cannot cycle
// through names to park them. The caller holds the host's row lock, so two renames cannot both pass.

export const RENAMES_PER_WINDOW = 3;
export const RENAME_WINDOW_DAYS = 30;
const windowMs = RENAME_WINDOW_DAYS * 24 * 60 * 60 * 1000;
const inWindow = sql`now() - make_interval(days => ${RENAME_WINDOW_DAYS})`;

/** Throws a field error naming when the next rename is possible (on the host's own zone and clock), if the host used up the window. */
export async function assertRenameAllowed(tx: Transaction, host: HostClockSettings & { id: string; timeZone: string }): Promise<void> {
  const recent = await tx
    .select({ changedAt: usernameChanges.changedAt })
    .from(usernameChanges)
    .where(and(eq(usernameChanges.userId, host.id), gt(usernameChanges.changedAt, inWindow)))
    .orderBy(desc(usernameChanges.changedAt))
    .limit(RENAMES_PER_WINDOW);
  const oldest = recent[RENAMES_PER_WINDOW - 1];
  if (!oldest) return;
  const nextRenameAt = new Date(oldest.changedAt.getTime() + windowMs);
  const message = `You can change your username ${RENAMES_PER_WINDOW} times in ${RENAME_WINDOW_DAYS} days; your next change is possible from ${formatDateTime(nextRenameAt, host.timeZone, resolveHourCycle(host))} (${host.timeZone}).`;
  throw fieldError('rate_limited', 'username', message, { details: { nextRenameAt: nextRenameAt.toISOString() } });
}

/** Records a rename and prunes this host's renames that no longer count. */
export async function recordRename(tx: Transaction, hostUserId: string, from: string, to: string): Promise<void> {
  await tx.delete(usernameChanges).where(and(eq(usernameChanges.userId, hostUserId), lte(usernameChanges.changedAt, inWindow)));
  await tx.insert(usernameChanges).values({ userId: hostUserId, fromUsername: from, toUsername: to });
}
