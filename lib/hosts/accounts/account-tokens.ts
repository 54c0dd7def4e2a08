import { createHmac, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { type AccountTokenPurpose, accountTokens } from '@/db/schema';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { hashToken } from '@/lib/secrets/token-hash';

// Single-use links mailed to a host. A token is HMAC-SHA256(secret, purpose + row id): the row holds
// only its SHA-256, and the outbox only the row id, so neither a database nor a queue leak yields a
// usable link; the mail job derives the token again. Use is a conditional update (used_at IS NULL and
// not expired), so two clicks racing use it once.

export const accountTokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** What a link in a query string may look like; anything else is answered as an invalid link. */
export const accountTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type TokenProblem = 'invalid' | 'expired' | 'used';
export type TokenCheck = { ok: true; row: AccountTokenRow } | { ok: false; problem: TokenProblem };

const tokenWith = (secret: string, id: string, purpose: AccountTokenPurpose) =>
  createHmac('sha256', secret).update(`rendezvous:account:${purpose}:${id}`).digest('base64url');

/**
 * Records a new link for `email` (in the caller's transaction); older unused links of the same
 * purpose stop working, so only the newest mail counts.
 */
export async function issueAccountToken(tx: Queryable, input: { userId: string; purpose: AccountTokenPurpose; email: string; now: Date }): Promise<string> {
  const id = randomUUID();
  await tx
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(and(eq(accountTokens.userId, input.userId), eq(accountTokens.purpose, input.purpose), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    id,
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: hashToken(tokenWith(signingSecrets()[0]!, id, input.purpose)),
    expiresAt: new Date(input.now.getTime() + accountTokenLifetimeMs[input.purpose]),
  });
  return id;
}

/** The token a row was issued, derived with whichever listed secret made it; null if none did. */
export function issuedAccountToken(row: Pick<AccountTokenRow, 'id' | 'purpose' | 'tokenHash'>): string | null {
  for (const secret of signingSecrets()) {
    const token = tokenWith(secret, row.id, row.purpose);
    if (hashToken(token) === row.tokenHash) return token;
  }
  return null;
}

/** One page may answer several purposes (/verify-email: a new account's address or a new address). */
type Purposes = readonly [AccountTokenPurpose, ...AccountTokenPurpose[]];

async function rowFor(database: Queryable, purposes: Purposes, token: unknown): Promise<AccountTokenRow | undefined> {
  const parsed = accountTokenField.safeParse(token);
  if (!parsed.success) return undefined;
  const [row] = await database
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(parsed.data)), inArray(accountTokens.purpose, [...purposes])));
  return row;
}

function problemOf(row: AccountTokenRow | undefined, now: Date): TokenProblem | null {
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return null;
}

/** Whether a link would work now, without using it (a page shows its form or what went wrong). */
export async function checkAccountToken(database: Queryable, purposes: Purposes, token: unknown, now: Date): Promise<TokenCheck> {
  const row = await rowFor(database, purposes, token);
  const problem = problemOf(row, now);
  return problem ? { ok: false, problem } : { ok: true, row: row! };
}

/** Uses a link once: of several racing uses, exactly one gets the row. */
export async function consumeAccountToken(tx: Queryable, purposes: Purposes, token: unknown, now: Date): Promise<TokenCheck> {
  const row = await rowFor(tx, purposes, token);
  const problem = problemOf(row, now);
  if (problem) return { ok: false, problem };
  const [used] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, row!.id), isNull(accountTokens.usedAt), sql`${accountTokens.expiresAt} > ${now.toISOString()}::timestamptz`))
    .returning();
  return used ? { ok: true, row: used } : { ok: false, problem: 'used' };
}
