import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fieldError } from '@/lib/errors';

/**
 * The most seats sold at any one start of this meeting type that has not started yet. Seats of one
 * occasion share a seat key; ordinary bookings count one each.
 */
async function mostSeatsBookedAhead(tx: Transaction, meetingTypeId: string, now: number): Promise<number> {
  const [row] = await tx.execute<{ most: number | null }>(sql`
    select max(taken)::int as most from (
      select count(*) as taken from bookings
      where meeting_type_id = ${meetingTypeId} and status = 'confirmed' and seated and start_time > ${new Date(now).toISOString()}::timestamptz
      group by seat_key
    ) occasions`);
  return row?.most ?? 0;
}

/** Refuses seats per time below what a future occasion already holds (422, beside the field). */
export async function assertSeatsCoverBooked(tx: Transaction, change: { meetingTypeId: string; seatsPerSlot: number | null; now: number }): Promise<void> {
  const most = await mostSeatsBookedAhead(tx, change.meetingTypeId, change.now);
  const seats = change.seatsPerSlot ?? 1;
  if (most <= seats) return;
  throw fieldError('unprocessable', 'seatsPerSlot', `${most} invitees are already booked at one upcoming time. Use ${most} seats or more, or cancel some of their bookings first.`, {
    details: { seatsBooked: most },
  });
}
