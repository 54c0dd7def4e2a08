import type { bookings } from '@/db/schema';
import { bookingLinks } from './tokens';

type BookingRow = typeof bookings.$inferSelect;

/** The public JSON shape of a booking (the API contract). */
export function presentBooking(row: BookingRow) {
  return {
    id: row.id,
    status: row.status,
    meetingTypeId: row.meetingTypeId,
    start: row.startTime.toISOString(),
    end: row.endTime.toISOString(),
    name: row.inviteeName,
    email: row.inviteeEmail,
    timezone: row.inviteeTimezone,
    ...bookingLinks(row.id),
  };
}

export type PublicBooking = ReturnType<typeof presentBooking>;
