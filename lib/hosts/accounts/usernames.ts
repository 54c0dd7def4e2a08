import { randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { reservedUsernames, usernameRedirects, users } from '@/db/schema';
import { fieldError } from '@/lib/errors';

// Usernames are the public page's address (/{username}): lower case, 3–64 characters of a–z, 0–9 and
// inner hyphens (the users_username_format CHECK), never one of the app's own top-level routes.

const reserved = new Set<string>(reservedUsernames);

export const RESERVED_USERNAME_MESSAGE = 'That name is reserved; pick another';

export const isReservedUsername = (name: string) => reserved.has(name);

/** The shape of a username, reserved or not (the profile form must accept the demo host's own name). */
export const usernameFormat = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(64, 'Use at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'Use letters, digits and inner hyphens only');

/** A username someone may newly take. */
export const usernameField = usernameFormat.refine((name) => !isReservedUsername(name), RESERVED_USERNAME_MESSAGE);

/** The one "taken" answer, for sign-up and rename alike. */
export const usernameTaken = () => fieldError('conflict', 'username', 'That username is taken; pick another.', { summary: 'That username is taken.' });

/** Taken by a host, or still pointing old links at one (an expired redirect holds nothing). */
export async function isUsernameTaken(database: Queryable, username: string, exceptUserId?: string): Promise<boolean> {
  const [user] = await database.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (user && user.id !== exceptUserId) return true;
  const [redirect] = await database
    .select({ userId: usernameRedirects.userId })
    .from(usernameRedirects)
    .where(and(eq(usernameRedirects.username, username), gt(usernameRedirects.expiresAt, sql`now()`)));
  return Boolean(redirect && redirect.userId !== exceptUserId);
}

/** "Ann.Lee+work@example.com" → "ann-lee-work": a valid base, padded when too short. */
export function usernameBase(email: string, name?: string | null): string {
  const source = (email.split('@')[0] || name || 'host').toLowerCase();
  let base = source.replace(/[^a-z0-9]+/g, '-').slice(0, 48).replace(/^-+|-+$/g, '');
  if (base.length < 3) base = `${base || 'host'}-host`.replace(/^-/, '');
  return isReservedUsername(base) ? `${base}-host` : base;
}

/** The base if free, else the base with a short random suffix (a few tries, then a longer one). */
export async function uniqueUsername(database: Queryable, email: string, name?: string | null): Promise<string> {
  const base = usernameBase(email, name);
  const candidates = [base, ...Array.from({ length: 4 }, () => `${base}-${randomBytes(2).toString('hex')}`)];
  for (const candidate of candidates) {
    if (!(await isUsernameTaken(database, candidate))) return candidate;
  }
  return `${base}-${randomBytes(6).toString('hex')}`;
}
