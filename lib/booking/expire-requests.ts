import { and, asc, eq, lte } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { decideRequest } from './decide-request';

/** Requests expired per sweep: the rest wait a minute for the next one. */
const SWEEP_LIMIT = 100;

/**
 * Expires every request whose time ran out (the safety net under each request's own delayed job, and
 * the only path inline, where a sleep of hours is not kept). Each is the same compare-and-swap, so a
 * request decided meanwhile is skipped.
 */
export async function expireDueRequests(deps: HostWriteDeps, now: number): Promise<number> {
  const due = await deps.database
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, 'pending'), lte(bookings.approvalExpiresAt, new Date(now))))
    .orderBy(asc(bookings.approvalExpiresAt))
    .limit(SWEEP_LIMIT);
  let expired = 0;
  for (const { id } of due) {
    try {
      await decideRequest(deps, { bookingId: id, access: { kind: 'system' }, decision: { outcome: 'expire' }, now });
      expired += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'booking_not_active')) throw error;
    }
  }
  return expired;
}
