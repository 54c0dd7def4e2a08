import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { hitLimit } from '@/lib/cache/rate-limit';
import { hashPassword, verifyPassword } from './password';

// Email + password sign-in. A wrong password and an unknown email get the same answer in the same
// time (an unknown email is checked against a dummy hash). Attempts are counted BEFORE the password
// is checked, so parallel guesses cannot all slip past the limit: 10 per account from one client,
// and much more per account overall (100), so a stranger cannot easily lock a host out.

export interface SignedInHost {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export type PasswordSignInResult = { ok: true; host: SignedInHost } | { ok: false; reason: 'invalid' | 'throttled' };

let dummyHash: Promise<string> | undefined;

/** The account's throttle key: a digest, so no raw address sits in the cache. */
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export async function verifyPasswordSignIn(
  database: Queryable,
  input: { email: string; password: string; client: string; now: number },
): Promise<PasswordSignInResult> {
  const account = accountKey(input.email);
  const verdicts = await Promise.all([
    hitLimit('sign-in-attempts-account-client', `${account}:${input.client}`, input.now),
    hitLimit('sign-in-attempts-account', account, input.now),
    hitLimit('sign-in-attempts-client', input.client, input.now),
  ]);
  if (verdicts.some((verdict) => !verdict.success)) return { ok: false, reason: 'throttled' };
  const [host] = await database
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, input.email.trim().toLowerCase()));
  dummyHash ??= hashPassword('rendezvous-no-such-account');
  const matches = await verifyPassword(host?.passwordHash ?? (await dummyHash), input.password);
  if (host && host.passwordHash && matches) {
    return { ok: true, host: { id: host.id, email: host.email, name: host.name, sessionVersion: host.sessionVersion } };
  }
  return { ok: false, reason: 'invalid' };
}
