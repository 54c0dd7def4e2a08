import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { signIn } from './auth';

/**
 * Signs this browser in again after its host's session version moved (a password change ends every
 * session): a fresh token under the new version, so only the other sessions end.
 */
export async function reissueSession(database: Queryable, hostUserId: string, password: string): Promise<void> {
  const [host] = await database.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
  if (!host) return;
  await signIn('credentials', { email: host.email, password, redirect: false });
}
