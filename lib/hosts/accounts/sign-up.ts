import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { availabilityRules, users } from '@/db/schema';
import { singleLineText, timeZoneField } from '@/lib/api-fields';
import { hashPassword } from '@/lib/secrets/password';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { AppError, constraintOf, sqlStateOf } from '@/lib/errors';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import { requestAccountEmail } from './account-email-request';
import { releaseUnverifiedAddress } from './unverified-address';
import { isUsernameTaken, usernameField } from './usernames';

// A new host: an account that never merges into an existing one (a verified account's email is
// refused), with weekly hours to start from (Monday–Friday 09:00–17:00 in their zone), and a
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
  new AppError('conflict', 'An account with this email already exists. Sign in instead.', {
    details: { fieldErrors: { email: 'An account with this email already exists.' } },
  });
const usernameTaken = () =>
  new AppError('conflict', 'That username is taken.', { details: { fieldErrors: { username: 'That username is taken; pick another.' } } });

/** Creates the host; attempts per client are limited so "email taken" cannot enumerate accounts at scale. */
export async function signUpHost(database: Database, input: SignUpInput, context: { client: string; now: number }): Promise<{ id: string }> {
  const verdict = await hitLimit('sign-ups', context.client, context.now);
  if (!verdict.success) throw rateLimited(verdict, context.now, 'Too many sign-up attempts from here. Please try again later.');
  // Only a verified account owns its address; an unverified one gives it up (unverified-address.ts).
  const [existing] = await database.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), isNotNull(users.emailVerified)));
  if (existing) throw emailTaken();
  if (await isUsernameTaken(database, input.username)) throw usernameTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await database.transaction(async (tx) => {
      await releaseUnverifiedAddress(tx, input.email);
      const [host] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, username: input.username, timeZone: input.timeZone, passwordHash })
        .returning({ id: users.id });
      if (!host) throw new Error('sign-up insert returned no row');
      await tx.insert(availabilityRules).values([1, 2, 3, 4, 5].map((dayOfWeek) => ({ userId: host.id, dayOfWeek, startTime: '09:00', endTime: '17:00' })));
      const eventId = await requestAccountEmail(tx, { userId: host.id, purpose: 'verify_email', email: input.email, now: new Date(context.now) });
      return { host, eventId };
    });
    dispatchAfterCommit(database, [created.eventId]);
    return created.host;
  } catch (error) {
    // Two sign-ups racing for one email or username: the loser hears the same as if it had been first.
    if (sqlStateOf(error) === '23505') throw constraintOf(error) === 'users_email_unique' ? emailTaken() : usernameTaken();
    throw error;
  }
}
