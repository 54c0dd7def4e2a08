import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, meetingTypes, teams, users } from '@/db/schema';
import { rescheduleChainRoot } from '@/lib/booking/reschedule-chain';
import { bookingHostNames } from '@/lib/hosts/bookings/collective-hosts';

// Everything an email about one booking needs, read fresh when the email is made: a retried step
// or a reminder sent days later tells the truth as it is then, not as it was when the event fired.

export async function loadBookingNotice(database: Queryable, bookingId: string) {
  const [row] = await database
    .select({
      booking: bookings,
      meetingType: {
        name: meetingTypes.name,
        slug: meetingTypes.slug,
        location: meetingTypes.location,
        minChangeNoticeMinutes: meetingTypes.minChangeNoticeMinutes,
        contactLine: meetingTypes.contactLine,
        seatsPerSlot: meetingTypes.seatsPerSlot,
      },
      // A team type's team: its public page is where the invitee books again.
      team: { slug: teams.slug, name: teams.name },
      host: { name: users.name, email: users.email, username: users.username, timeZone: users.timeZone, reminderEmails: users.hostReminderEmails, hourCycle: users.hourCycle, locale: users.locale, emailVerified: users.emailVerified, deletedAt: users.deletedAt },
    })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .leftJoin(teams, eq(teams.id, meetingTypes.teamId))
    .where(eq(bookings.id, bookingId));
  if (!row) return null;
  const [chain, seatsTaken, collectiveHosts] = await Promise.all([
    rescheduleChainRoot(database, row.booking),
    seatsTakenWith(database, row.booking.seatKey),
    row.team ? bookingHostNames(database, row.booking.collectiveLeadId ?? row.booking.id) : [],
  ]);
  // Everyone the invitee meets: the host, and for a collective booking every other member too.
  const hostNames = collectiveHosts.length > 1 ? collectiveHosts : [row.host.name];
  return { ...row, chain, seatsTaken, hostNames };
}

/** A group event's seats confirmed at this booking's occasion now; null for an ordinary booking. */
async function seatsTakenWith(database: Queryable, seatKey: string | null): Promise<number | null> {
  if (seatKey === null) return null;
  const [row] = await database.select({ taken: count() }).from(bookings).where(and(eq(bookings.seatKey, seatKey), eq(bookings.status, 'confirmed')));
  return row?.taken ?? 0;
}

export type BookingNotice = NonNullable<Awaited<ReturnType<typeof loadBookingNotice>>>;

/** The start and end of an earlier booking in the chain (the old time of a reschedule). */
export async function loadBookingTimes(database: Queryable, bookingId: string) {
  const [row] = await database.select({ start: bookings.startTime, end: bookings.endTime }).from(bookings).where(eq(bookings.id, bookingId));
  return row ?? null;
}
