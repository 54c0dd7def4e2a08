import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { singleLineText, timeZoneField } from '@/lib/api-fields';
import { hashPassword } from '@/lib/secrets/password';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { AppError, constraintOf, fieldError, sqlStateOf } from '@/lib/errors';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import { requestAccountEmail } from './account-email-request';
import { releaseUnverifiedAddress } from './unverified-address';
import { createHost } from './create-host';
import { isUsernameTaken, usernameField, usernameTaken } from './usernames';

// A new host: an account that never merges into an existing one (a verified account's email is
// refused), made by createHost (default weekly hours in the zone the form reported), and a
// verification email: their page takes bookings once they confirm the address.

export const MIN_PASSWORD_LENGTH = 10;

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Use at most 200 characters');

export const signUpSchema = z.object({
  name: singleLineText(255).pipe(z.string().min(1, 'Enter your name')),
  email: z
    .email('Enter a valid email address')
    .max(255)
    .transform((email) => email.toLowerCase()),
  username: usernameField,
  password: passwordField,
  timeZone: timeZoneField,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

const emailTaken = () =>
  fieldError('conflict', 'email', 'An account with this email already exists.', { summary: 'An account with this email already exists. Sign in instead.' });

/** Both clashes in one answer, so a person fixes both fields in one go; one clash is the usual error. */
function signUpConflict(email: boolean, username: boolean): AppError | null {
  if (email && username) {
    const fieldErrors = { ...fieldErrorsOf(emailTaken()), ...fieldErrorsOf(usernameTaken()) };
    return new AppError('conflict', 'An account with this email already exists, and that username is taken.', { details: { fieldErrors } });
  }
  return email ? emailTaken() : username ? usernameTaken() : null;
}

const fieldErrorsOf = (error: AppError) => (error.details as { fieldErrors: Record<string, string> }).fieldErrors;

/** Creates the host; attempts per client are limited so "email taken" cannot enumerate accounts at scale. */
export async function signUpHost(database: Database, input: SignUpInput, context: { client: string; now: number; locale?: string | null }): Promise<{ id: string }> {
  const verdict = await hitLimit('sign-ups', context.client, context.now);
  if (!verdict.success) throw rateLimited(verdict, context.now, 'Too many sign-up attempts from here. Please try again later.');
  // Only a verified account owns its address; an unverified one gives it up (unverified-address.ts).
  const [[existing], usernameClash] = await Promise.all([
    database.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), isNotNull(users.emailVerified))),
    isUsernameTaken(database, input.username),
  ]);
  const conflict = signUpConflict(existing !== undefined, usernameClash);
  if (conflict) throw conflict;
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await database.transaction(async (tx) => {
      await releaseUnverifiedAddress(tx, input.email);
      const host = await createHost(tx, { name: input.name, email: input.email, username: input.username, timeZone: input.timeZone, passwordHash, locale: context.locale });
      const eventId = await requestAccountEmail(tx, { userId: host.id, purpose: 'verify_email', email: input.email, now: new Date(context.now) });
      return { host: { id: host.id }, eventId };
    });
    dispatchAfterCommit(database, [created.eventId]);
    return created.host;
  } catch (error) {
    // Two sign-ups racing for one email or username: the loser hears the same as if it had been first.
    if (sqlStateOf(error) === '23505') throw constraintOf(error) === 'users_email_unique' ? emailTaken() : usernameTaken();
    throw error;
  }
}
