import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { consumeAccountToken, type TokenProblem } from '@/lib/hosts/accounts/account-tokens';
import type { CacheStore } from '@/lib/cache';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { hitLimit } from '@/lib/cache/rate-limit';
import { AppError, notFound, sqlStateOf } from '@/lib/errors';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import type { HostContext } from '../host-write';
import { requestAccountEmail } from './account-email-request';
import { releaseUnverifiedAddress } from './unverified-address';

// Proving the address: a new account's (verify_email) or a new one chosen in settings (change_email,
// which takes effect only here). Both links lead to /verify-email and are used once.

export type EmailConfirmation = { ok: true; change: 'verified' | 'changed'; email: string } | { ok: false; problem: TokenProblem | 'taken' };

export async function confirmEmailAddress(deps: { database: Database; store: CacheStore }, token: unknown, now: Date): Promise<EmailConfirmation> {
  let outcome: EmailConfirmation & { userId?: string };
  try {
    outcome = await deps.database.transaction(async (tx): Promise<EmailConfirmation & { userId?: string }> => {
      const used = await consumeAccountToken(tx, ['verify_email', 'change_email'], token, now);
      if (!used.ok) return used;
      const { userId, email, purpose } = used.row;
      if (purpose === 'verify_email') {
        // Only the address the link was sent to: an account that changed address meanwhile stays as it is.
        const [verified] = await tx.update(users).set({ emailVerified: now }).where(and(eq(users.id, userId), eq(users.email, email), isNull(users.deletedAt))).returning({ id: users.id });
        return verified ? { ok: true, change: 'verified', email, userId } : { ok: false, problem: 'invalid' };
      }
      await releaseUnverifiedAddress(tx, email, userId);
      const [changed] = await tx.update(users).set({ email, emailVerified: now }).where(and(eq(users.id, userId), isNull(users.deletedAt))).returning({ id: users.id });
      return changed ? { ok: true, change: 'changed', email, userId } : { ok: false, problem: 'invalid' };
    });
  } catch (error) {
    // Another (verified) account has had that address since the link was sent: nothing changes.
    if (sqlStateOf(error) === '23505') return { ok: false, problem: 'taken' };
    throw error;
  }
  if (!outcome.ok) return outcome;
  // The host's public pages take bookings from now on: no cached answer may say otherwise.
  await bumpHostVersion(deps.store, outcome.userId!);
  return { ok: true, change: outcome.change, email: outcome.email };
}

/** "Resend" on the dashboard banner: a fresh link (the old one stops working), limited per account. */
export async function resendVerificationEmail(ctx: HostContext): Promise<{ email: string }> {
  const { database, now } = ctx;
  const hostUserId = ctx.actor.userId;
  const [host] = await database.select({ email: users.email, verified: users.emailVerified }).from(users).where(eq(users.id, hostUserId));
  if (!host) throw notFound('Host');
  if (host.verified) throw new AppError('conflict', 'Your email address is already confirmed.');
  const verdict = await hitLimit('account-emails-address', `user:${hostUserId}`, now);
  if (!verdict.success) throw new AppError('rate_limited', 'We sent several emails already. Please wait a while before asking again.');
  const eventId = await database.transaction((tx) => requestAccountEmail(tx, { userId: hostUserId, purpose: 'verify_email', email: host.email, now: new Date(now) }));
  dispatchAfterCommit(database, [eventId]);
  return { email: host.email };
}
