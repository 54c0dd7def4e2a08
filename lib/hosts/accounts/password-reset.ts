import { createHash } from 'node:crypto';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { checkAccountToken, consumeAccountToken, type TokenProblem } from '@/lib/hosts/accounts/account-tokens';
import { endOtherSessions } from '@/lib/hosts/accounts/live-sessions';
import { hashPassword } from '@/lib/secrets/password';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import { requestAccountEmail } from './account-email-request';
import { passwordField } from './sign-up';

// "Forgot password?": the answer never says whether an account exists (the same reply, and mail
// only to a verified address). Requests are limited per address and per client. The link works once,
// for an hour; a new password ends every session (rows deleted and the session version bumped).

export const forgotPasswordSchema = z.object({ email: z.string().trim().min(1, 'Enter your email').max(255).pipe(z.email('Enter a valid email address')) });
export const resetPasswordSchema = z.object({ token: z.string().max(200), password: passwordField });

const addressKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');

export async function requestPasswordReset(database: Database, input: z.infer<typeof forgotPasswordSchema>, context: { client: string; now: number }): Promise<void> {
  const email = input.email.toLowerCase();
  const verdicts = await Promise.all([hitLimit('password-resets-client', context.client, context.now), hitLimit('account-emails-address', `address:${addressKey(email)}`, context.now)]);
  const refused = verdicts.find((verdict) => !verdict.success);
  if (refused) throw rateLimited(refused, context.now, 'Too many reset requests. Please wait a while and try again.');
  const [host] = await database
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNotNull(users.emailVerified), isNotNull(users.passwordHash), isNull(users.deletedAt)));
  if (!host) return;
  const eventId = await database.transaction((tx) => requestAccountEmail(tx, { userId: host.id, purpose: 'reset_password', email, now: new Date(context.now) }));
  dispatchAfterCommit(database, [eventId]);
}

export type PasswordResetResult = { ok: true } | { ok: false; problem: TokenProblem };

export async function resetPassword(database: Database, input: z.infer<typeof resetPasswordSchema>, now: Date): Promise<PasswordResetResult> {
  // A link that cannot work costs no password hash.
  const usable = await checkAccountToken(database, ['reset_password'], input.token, now);
  if (!usable.ok) return usable;
  const passwordHash = await hashPassword(input.password);
  return database.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, ['reset_password'], input.token, now);
    if (!used.ok) return used;
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, used.row.userId), eq(users.email, used.row.email), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!changed) return { ok: false, problem: 'invalid' };
    await endOtherSessions(tx, changed.id, null);
    return { ok: true };
  });
}
