import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { type BookingChanger, type BookingStatus, bookings, meetingTypes, teams, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { type HourCycle, resolveHourCycle } from '@/lib/hosts/host-clock';
import { bookingHostNames } from './collective-hosts';

// One booking as its host sees it on the dashboard, in one query. Another host's booking reads as
// missing, exactly like an unknown id, so ids cannot be probed.

export interface HostBookingDetail {
  id: string;
  status: BookingStatus;
  inviteeName: string;
  inviteeEmail: string;
  inviteeTimeZone: string;
  hostTimeZone: string;
  /** The host's clock (host-clock.ts): both zones' times are read on it. */
  hostHourCycle: HourCycle;
  start: Date;
  end: Date;
  meetingTypeId: string;
  meetingTypeName: string;
  /** A team type's team and who hosts the booking: the assigned member (round robin) or every member attending (collective). */
  team: { name: string; slug: string; schedulingType: string; hosts: string[] } | null;
  /** Whether the meeting type still takes bookings (a move needs it), and how far ahead (the picker's range). */
  meetingTypeActive: boolean;
  maxDaysInFuture: number;
  notes: string | null;
  /** utm_* parameters the booking page was opened with. */
  tracking: (typeof bookings.$inferSelect)['tracking'];
  /** The invitee's answers to the meeting type's questions, labels as asked. */
  answers: (typeof bookings.$inferSelect)['answers'];
  cancellationReason: string | null;
  cancelledAt: Date | null;
  /** Null for cancellations older than the record of who did it. */
  cancelledBy: BookingChanger | null;
  /** The host marked that the invitee did not come. */
  noShowAt: Date | null;
  /** The host asked the invitee to pick a new time and they have not answered yet. */
  newTimeRequestedAt: Date | null;
  newTimeRequestMessage: string | null;
  /** The booking this one replaced when the invitee rescheduled. */
  rescheduledFromId: string | null;
  /** The booking that replaced this one (status rescheduled). */
  rescheduledToId: string | null;
  /** A group event's seat: its occasion's key, and the meeting type's seats per time (null: ordinary). */
  seatKey: string | null;
  seatsPerSlot: number | null;
}

const successor = alias(bookings, 'successor');

export async function findHostBooking(database: Queryable, hostUserId: string, bookingId: string): Promise<HostBookingDetail | null> {
  if (!isUuid(bookingId)) return null;
  const [row] = await database
    .select({
      id: bookings.id,
      status: bookings.status,
      inviteeName: bookings.inviteeName,
      inviteeEmail: bookings.inviteeEmail,
      inviteeTimeZone: bookings.inviteeTimezone,
      hostTimeZone: users.timeZone,
      hostClock: { hourCycle: users.hourCycle, locale: users.locale },
      start: bookings.startTime,
      end: bookings.endTime,
      meetingTypeId: bookings.meetingTypeId,
      meetingTypeName: meetingTypes.name,
      teamName: teams.name,
      teamSlug: teams.slug,
      schedulingType: meetingTypes.schedulingType,
      hostName: users.name,
      collectiveLeadId: bookings.collectiveLeadId,
      meetingTypeActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null)`,
      maxDaysInFuture: meetingTypes.maxDaysInFuture,
      notes: bookings.notes,
      tracking: bookings.tracking,
      answers: bookings.answers,
      // A declined request's reason reads like a cancellation's.
      cancellationReason: sql<string | null>`coalesce(${bookings.cancellationReason}, ${bookings.declineReason})`,
      cancelledAt: bookings.cancelledAt,
      cancelledBy: bookings.cancelledBy,
      noShowAt: bookings.noShowAt,
      newTimeRequestedAt: bookings.newTimeRequestedAt,
      newTimeRequestMessage: bookings.newTimeRequestMessage,
      rescheduledFromId: bookings.rescheduledFromId,
      seatKey: bookings.seatKey,
      seatsPerSlot: meetingTypes.seatsPerSlot,
      rescheduledToId: sql<string | null>`(${database
        .select({ id: successor.id })
        .from(successor)
        .where(eq(successor.rescheduledFromId, bookings.id))
        .orderBy(desc(successor.createdAt))
        .limit(1)})`,
    })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .leftJoin(teams, eq(teams.id, meetingTypes.teamId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.hostUserId, hostUserId)));
  if (!row) return null;
  const { hostClock, teamName, teamSlug, schedulingType, hostName, collectiveLeadId, ...detail } = row;
  const team =
    teamName && teamSlug && schedulingType
      ? { name: teamName, slug: teamSlug, schedulingType, hosts: schedulingType === 'collective' ? await bookingHostNames(database, collectiveLeadId ?? row.id) : [hostName] }
      : null;
  return { ...detail, team, hostHourCycle: resolveHourCycle(hostClock) };
}
