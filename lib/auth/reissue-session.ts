import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { AuthError } from 'next-auth';
import { signIn } from './auth';

/**
 * Signs this browser in again after its host's session version moved (a password change ends every
 * session): a fresh token under the new version, so only the other sessions end. False when that
 * sign-in was refused (e.g. throttled): the change stands, and the host signs in again by hand.
 */
export async function reissueSession(database: Queryable, hostUserId: string, password: string): Promise<boolean> {
  const [host] = await database.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
  if (!host) return false;
  try {
    await signIn('credentials', { email: host.email, password, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}
