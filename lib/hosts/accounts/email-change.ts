import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accountTokens, users } from '@/db/schema';
import { hitLimit } from '@/lib/cache/rate-limit';
import { notFound, fieldError } from '@/lib/errors';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import type { HostContext } from '../host-write';
import { requestAccountEmail } from './account-email-request';

// A new address takes effect only once its owner confirms it: until then it is pending (the newest
// unused change_email link) and the account keeps its old address. The reply is the same whether or
// not another account uses the new address, so settings cannot be used to find out who has an account.

export const emailChangeSchema = z.object({
  email: z
    .email('Enter a valid email address')
    .max(255)
    .transform((email) => email.toLowerCase()),
});
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;


export async function requestEmailChange(ctx: HostContext, input: EmailChangeInput): Promise<{ pendingEmail: string }> {
  const { database, now } = ctx;
  const hostUserId = ctx.actor.userId;
  const [host] = await database.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
  if (!host) throw notFound('Host');
  if (host.email === input.email) throw fieldError('invalid_request', 'email', 'That is already your address.');
  if (!(await hitLimit('account-emails-address', `user:${hostUserId}`, now)).success) {
    throw fieldError('rate_limited', 'email', 'We sent several emails already. Please wait a while before asking again.');
  }
  const eventId = await database.transaction((tx) => requestAccountEmail(tx, { userId: hostUserId, purpose: 'change_email', email: input.email, now: new Date(now) }));
  dispatchAfterCommit(database, [eventId]);
  return { pendingEmail: input.email };
}

/** The address waiting for confirmation, if a link for one is still usable. */
export async function findPendingEmail(database: Queryable, hostUserId: string, now = new Date()): Promise<string | null> {
  const [row] = await database
    .select({ email: accountTokens.email })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, hostUserId), eq(accountTokens.purpose, 'change_email'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  return row?.email ?? null;
}
