import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { availabilityRules, users } from '@/db/schema';
import { singleLineText, timeZoneField } from '@/lib/api-fields';
import { hashPassword } from '@/lib/auth/password';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { AppError, constraintOf, sqlStateOf } from '@/lib/errors';
import { isUsernameTaken, usernameField } from './usernames';

// A new host: an account that never merges into an existing one (the same email is refused), with
// weekly hours to start from (Monday–Friday 09:00–17:00 in their zone), so their page works at once.

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
  const [existing] = await database.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw emailTaken();
  if (await isUsernameTaken(database, input.username)) throw usernameTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await database.transaction(async (tx) => {
      const [host] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, username: input.username, timeZone: input.timeZone, passwordHash })
        .returning({ id: users.id });
      if (!host) throw new Error('sign-up insert returned no row');
      await tx.insert(availabilityRules).values([1, 2, 3, 4, 5].map((dayOfWeek) => ({ userId: host.id, dayOfWeek, startTime: '09:00', endTime: '17:00' })));
      return host;
    });
  } catch (error) {
    // Two sign-ups racing for one email or username: the loser hears the same as if it had been first.
    if (sqlStateOf(error) === '23505') throw constraintOf(error) === 'users_email_unique' ? emailTaken() : usernameTaken();
    throw error;
  }
}
