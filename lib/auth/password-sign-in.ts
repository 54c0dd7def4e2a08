import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { admitSignInAttempt } from './sign-in-throttle';

// Email + password sign-in. A wrong password and an unknown email get the same answer in the same
// time (an unknown email is checked against a dummy hash). Only failures count towards the limits,
// and a stranger's failures slow strangers down, not the host (lib/auth/sign-in-throttle.ts).

export interface SignedInHost {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export type PasswordSignInResult =
  | { ok: true; host: SignedInHost }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;

/** The account's throttle key: a digest, so no raw address sits in the cache. */
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export async function verifyPasswordSignIn(
  database: Queryable,
  input: { email: string; password: string; client: string; now: number },
): Promise<PasswordSignInResult> {
  const admission = await admitSignInAttempt({ account: accountKey(input.email), client: input.client }, input.now);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
  let matched: SignedInHost | null;
  try {
    matched = await matchingHost(database, input.email, input.password);
  } catch (error) {
    await admission.settle('error');
    throw error;
  }
  await admission.settle(matched ? 'success' : 'failure');
  return matched ? { ok: true, host: matched } : { ok: false, reason: 'invalid' };
}

async function matchingHost(database: Queryable, email: string, password: string): Promise<SignedInHost | null> {
  const [host] = await database
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  dummyHash ??= hashPassword('rendezvous-no-such-account');
  const matches = await verifyPassword(host?.passwordHash ?? (await dummyHash), password);
  return host && host.passwordHash && matches ? { id: host.id, email: host.email, name: host.name, sessionVersion: host.sessionVersion } : null;
}
