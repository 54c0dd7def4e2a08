import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { changeDeadline, formatDuration } from './change-policy';
import type { BookingAccess } from './find-booking';
import type { BookingRow } from './insert-booking';

// When a booking may still be cancelled or moved. A meeting that has begun is history: changing it
// would rewrite what happened (and free time that is already spent). Invitees must also respect the
// meeting type's cut-off (min_change_notice_minutes); the host may still change it.

export function assertNotStarted(booking: BookingRow, now: number, change: 'cancelled' | 'rescheduled'): void {
  if (booking.startTime.getTime() <= now) {
    throw new AppError('change_not_allowed', `This meeting has already started and can no longer be ${change}.`, {
      details: { reason: 'booking_started' },
    });
  }
}

/** The cut-off of a booking's meeting type, deleted or not (its bookings outlive it). */
export async function loadChangeNoticeMinutes(database: Queryable, meetingTypeId: string): Promise<number> {
  const [row] = await database
    .select({ minutes: meetingTypes.minChangeNoticeMinutes })
    .from(meetingTypes)
    .where(eq(meetingTypes.id, meetingTypeId));
  if (!row) throw notFound('Meeting type');
  return row.minutes;
}

/**
 * Refuses an invitee's change after the meeting type's cut-off (409, `change_window_closed`). Not
 * while the host has asked them to pick a new time: the host opened the change.
 */
export async function assertWithinChangeWindow(
  database: Queryable,
  booking: BookingRow,
  access: BookingAccess,
  now: number,
  change: 'cancelled' | 'rescheduled',
): Promise<void> {
  if (access.kind === 'host' || booking.newTimeRequestedAt !== null) return;
  const minutes = await loadChangeNoticeMinutes(database, booking.meetingTypeId);
  const deadline = changeDeadline(booking.startTime.getTime(), minutes);
  if (now > deadline) {
    throw new AppError(
      'change_not_allowed',
      `This booking can no longer be ${change} online: changes close ${formatDuration(minutes)} before the meeting. Please contact the host.`,
      { details: { reason: 'change_window_closed', changeDeadline: new Date(deadline).toISOString() } },
    );
  }
}
