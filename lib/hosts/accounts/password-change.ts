import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { endOtherSessions } from '@/lib/hosts/accounts/live-sessions';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { hitLimit } from '@/lib/cache/rate-limit';
import { notFound, fieldError } from '@/lib/errors';
import type { HostContext } from '../host-write';
import { passwordField } from './sign-up';

// A new password ends every other session: the hash and users.session_version change in one
// statement (every session token carries the version it was issued under), and the session rows go. The action then signs
// the current browser in again under the new version (lib/auth/reissue-session.ts).

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1_000),
    newPassword: passwordField,
    confirmPassword: z.string().max(1_000),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ['confirmPassword'], message: 'The two new passwords differ' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

const currentPasswordError = (code: 'invalid_request' | 'rate_limited' | 'conflict', message: string) => fieldError(code, 'currentPassword', message);

// Attempts count like sign-in attempts from one client (10 per 15 minutes), so a stolen session cannot
// brute-force the password here; keyed by user id, apart from sign-in's email-keyed windows.
const throttleKey = (hostUserId: string) => `user:${hostUserId}`;

/** Checks the current password, stores the new one and ends every session; the new session version. */
export async function changeHostPassword(ctx: HostContext, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const { database, now } = ctx;
  const hostUserId = ctx.actor.userId;
  const [host] = await database.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, hostUserId));
  if (!host) throw notFound('Host');
  if (!host.passwordHash) {
    throw currentPasswordError('invalid_request', 'Your account signs in with Google or Microsoft and has no password to change.');
  }
  // Counted before the check, so parallel guesses cannot slip past the limit.
  if (!(await hitLimit('sign-in-attempts-account-client', throttleKey(hostUserId), now)).success) {
    throw currentPasswordError('rate_limited', 'Too many attempts. Please wait a few minutes and try again.');
  }
  if (!(await verifyPassword(host.passwordHash, input.currentPassword))) {
    throw currentPasswordError('invalid_request', 'That is not your current password.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Only over the hash we verified: a change made meanwhile from another session wins, not this one.
  const [changed] = await database
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, hostUserId), eq(users.passwordHash, host.passwordHash)))
    .returning({ sessionVersion: users.sessionVersion });
  if (!changed) throw currentPasswordError('conflict', 'Your password was just changed elsewhere. Sign in again with the new one.');
  await endOtherSessions(database, hostUserId, null);
  return changed;
}
