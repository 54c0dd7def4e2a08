import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Caps per hour on bookings made for one meeting type and by one invitee email (per host), so a
// single client cannot fill a host's calendar from many addresses. Counted in Postgres under the
// host row lock, so they hold exactly across every app instance, with or without Redis.

const HOUR_MS = 60 * 60 * 1000;

interface RecentBookings extends Record<string, unknown> {
  for_meeting_type: number;
  for_email: number;
  oldest_for_meeting_type: number | null;
  oldest_for_email: number | null;
}

export async function assertWithinBookingCaps(
  tx: Transaction,
  booking: { hostUserId: string; meetingTypeId: string; email: string; now: number },
): Promise<void> {
  const { RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR: perMeetingType, RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR: perEmail } = env();
  if (perMeetingType === 0 && perEmail === 0) return;
  const since = new Date(booking.now - HOUR_MS).toISOString();
  const [recent] = await tx.execute<RecentBookings>(sql`
    select count(*) filter (where meeting_type_id = ${booking.meetingTypeId})::int as for_meeting_type,
           count(*) filter (where lower(invitee_email) = lower(${booking.email}))::int as for_email,
           min(date_part('epoch', created_at) * 1000) filter (where meeting_type_id = ${booking.meetingTypeId}) as oldest_for_meeting_type,
           min(date_part('epoch', created_at) * 1000) filter (where lower(invitee_email) = lower(${booking.email})) as oldest_for_email
    from bookings
    where host_user_id = ${booking.hostUserId} and created_at > ${since}::timestamptz`);
  if (!recent) return;
  const refuse = (what: string, oldest: number | null) => {
    const retryAfterSeconds = Math.max(1, Math.ceil(((oldest ?? booking.now) + HOUR_MS - booking.now) / 1000));
    return new AppError('rate_limited', `Too many bookings ${what} in the last hour; try again later`, {
      retryAfterSeconds,
      details: { reason: what === 'for this meeting type' ? 'meeting_type_hourly_cap' : 'invitee_hourly_cap' },
    });
  };
  if (perMeetingType > 0 && recent.for_meeting_type >= perMeetingType) throw refuse('for this meeting type', recent.oldest_for_meeting_type);
  if (perEmail > 0 && recent.for_email >= perEmail) throw refuse('from this email address', recent.oldest_for_email);
}
