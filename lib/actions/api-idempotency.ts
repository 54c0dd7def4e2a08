import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { apiIdempotencyKeys } from '@/db/schema';
import { idempotencyKeyField } from '@/lib/api-fields';
import { requestDigest } from '@/lib/booking/idempotency';
import { AppError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { json, parseOptionalHeader } from '@/lib/http';

// Idempotency-Key for the host API's creating POSTs, as payment APIs do it: per host, for 24 hours.
// The key is claimed before the work runs (a row with no reply yet), so two requests with one key
// never both create; the finished reply is stored and replayed as it was. The same key with another
// body is refused (422); one still running answers 409.

const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface CreatedReply {
  status: number;
  body: Record<string, unknown>;
  /** What is stored and replayed, when it must differ from `body` (a secret shown once is never stored). */
  replayBody?: Record<string, unknown>;
}

async function claim(ctx: HostContext, key: string, digest: string): Promise<boolean> {
  const userId = ctx.actor.userId;
  await ctx.database
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.userId, userId), eq(apiIdempotencyKeys.idempotencyKey, key), lt(apiIdempotencyKeys.createdAt, new Date(ctx.now - WINDOW_MS))));
  const claimed = await ctx.database
    .insert(apiIdempotencyKeys)
    .values({ userId, idempotencyKey: key, requestHash: digest })
    .onConflictDoNothing()
    .returning({ userId: apiIdempotencyKeys.userId });
  return claimed.length > 0;
}

async function replay(ctx: HostContext, key: string, digest: string): Promise<Response> {
  const [earlier] = await ctx.database
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.userId, ctx.actor.userId), eq(apiIdempotencyKeys.idempotencyKey, key)));
  if (!earlier) throw new AppError('conflict', 'A request with this Idempotency-Key just finished without a reply; retry it.');
  if (earlier.requestHash !== digest) throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  if (earlier.responseStatus === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still running; retry it shortly.');
  return json(earlier.responseBody, earlier.responseStatus, { 'idempotent-replayed': 'true' });
}

/** Runs `create` once per Idempotency-Key (when the request has one) and answers its reply, or the stored one. */
export async function idempotentCreate(ctx: HostContext, request: Request, body: unknown, create: () => Promise<CreatedReply>): Promise<Response> {
  const key = parseOptionalHeader(request, 'idempotency-key', idempotencyKeyField);
  if (key === undefined) {
    const reply = await create();
    return json(reply.body, reply.status);
  }
  const digest = requestDigest([new URL(request.url).pathname, body]);
  if (!(await claim(ctx, key, digest))) return replay(ctx, key, digest);
  const where = and(eq(apiIdempotencyKeys.userId, ctx.actor.userId), eq(apiIdempotencyKeys.idempotencyKey, key));
  let reply: CreatedReply;
  try {
    reply = await create();
  } catch (error) {
    // A refused request frees its key: the same key may carry the corrected request.
    await ctx.database.delete(apiIdempotencyKeys).where(where);
    throw error;
  }
  await ctx.database.update(apiIdempotencyKeys).set({ responseStatus: reply.status, responseBody: reply.replayBody ?? reply.body }).where(where);
  return json(reply.body, reply.status);
}
