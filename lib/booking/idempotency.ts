import { createHash } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { BookingRow } from './insert-booking';

// Idempotency-Key, as payment APIs do it: a key is scoped to one meeting type and remembered for
// 24 hours. The same key with another request is refused; after 24 hours the key is free again.

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The same key must mean the same request: a digest of what was asked for. */
export function requestDigest(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface IdempotentRequest {
  meetingTypeId: string;
  key: string;
  digest: string;
  now: number;
}

/** The booking an earlier request with this key made, within the last 24 hours. */
export async function replayIdempotent(database: Queryable, request: IdempotentRequest): Promise<BookingRow | null> {
  const [existing] = await database
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.meetingTypeId, request.meetingTypeId),
        eq(bookings.idempotencyKey, request.key),
        gt(bookings.createdAt, new Date(request.now - IDEMPOTENCY_WINDOW_MS)),
      ),
    );
  if (!existing) return null;
  if (existing.idempotencyRequestHash !== request.digest) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  }
  return existing;
}

/** Frees a key whose 24 hours are over, so the unique index lets a new request take it (under the host lock). */
export async function releaseExpiredKey(database: Queryable, request: IdempotentRequest): Promise<void> {
  await database
    .update(bookings)
    .set({ idempotencyKey: null, idempotencyRequestHash: null })
    .where(
      and(
        eq(bookings.meetingTypeId, request.meetingTypeId),
        eq(bookings.idempotencyKey, request.key),
        lte(bookings.createdAt, new Date(request.now - IDEMPOTENCY_WINDOW_MS)),
      ),
    );
}
