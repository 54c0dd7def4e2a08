import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { type BookingStatus, bookings } from '@/db/schema';
import { calendarDateField } from '@/lib/api-fields';
import { listConnections } from '@/lib/calendars/list-connections';
import { notFound } from '@/lib/errors';
import { explainSlots, MS_PER_DAY, type SlotObstacle } from '@/lib/scheduling';
import { loadMeetingTypeSchedule, scheduleInput, type SourcedBooking, type SourcedBusy } from './load-schedule';

// "Why can't invitees book me at 10:00?": every candidate start of one date with its reasons, from the
// same loader and engine as availability (explainSlots agrees with computeSlots by property test).
// Busy time is named by calendar and hours only: synced events keep no titles. A request awaiting the
// host's approval holds its slot like a booking and is named as a request; a group event's start with
// seats left is offered, with its seats taken.

export const troubleshootQuerySchema = z.object({ meetingTypeId: z.uuid(), date: calendarDateField });

export type TroubleshootReason =
  | { kind: 'minimum_notice'; minutes: number }
  | { kind: 'booking_window'; days: number }
  | { kind: 'outside_weekly_hours' }
  | { kind: 'date_override' }
  | { kind: 'booking' | 'booking_buffer'; bookingId: string; inviteeName: string; start: Date; end: Date; awaitingApproval?: boolean }
  | { kind: 'busy'; calendarName: string; start: Date; end: Date }
  | { kind: 'daily_limit'; limit: number }
  | { kind: 'full'; taken: number; seats: number };

export interface TroubleshootCandidate {
  start: Date;
  offered: boolean;
  reasons: TroubleshootReason[];
  /** A group event's start that already has invitees: seats taken, of how many. */
  seats?: { taken: number; of: number };
}

export interface Troubleshooting {
  date: string;
  timeZone: string;
  /** An inactive meeting type offers nothing at all; its candidates still show what would happen. */
  meetingTypeActive: boolean;
  /** Blocking calendars whose busy data is old: what they show as free may not be. */
  staleCalendars: { name: string; lastSyncedAt: Date | null }[];
  candidates: TroubleshootCandidate[];
}

export async function troubleshootAvailability(
  database: Queryable,
  input: { hostUserId: string; meetingTypeId: string; date: string; now: number },
): Promise<Troubleshooting> {
  // The loader pads by two days, which covers every zone's version of this date.
  const utcMidnight = Date.parse(`${input.date}T00:00:00Z`);
  const schedule = await loadMeetingTypeSchedule(database, input.meetingTypeId, { start: utcMidnight, end: utcMidnight + MS_PER_DAY }, { sources: true });
  if (!schedule || schedule.hostUserId !== input.hostUserId) throw notFound('Meeting type');

  const explained = explainSlots(scheduleInput(schedule, schedule.policy, input.now), input.date);
  const [connections, inTheWay] = await Promise.all([
    listConnections(database, input.hostUserId, input.now),
    bookingsInTheWay(database, input.hostUserId, explained.starts.flatMap((start) => start.obstacles.flatMap((obstacle) => ('booking' in obstacle ? [obstacle.booking.bookingId ?? ''] : [])))),
  ]);
  const calendars = new Map(connections.flatMap((connection) => connection.calendars.map((calendar) => [calendar.id, calendar.name] as const)));

  const reason = (obstacle: SlotObstacle<SourcedBusy, SourcedBooking>): TroubleshootReason => {
    switch (obstacle.kind) {
      case 'minimum_notice':
        return { kind: obstacle.kind, minutes: schedule.policy.minNoticeMinutes };
      case 'booking_window':
        return { kind: obstacle.kind, days: schedule.policy.maxDaysInFuture };
      case 'daily_limit':
        return { kind: obstacle.kind, limit: schedule.policy.maxBookingsPerDay ?? 0 };
      case 'booking':
      case 'booking_buffer': {
        const { bookingId = '', start, end } = obstacle.booking;
        const found = inTheWay.get(bookingId);
        return {
          kind: obstacle.kind,
          bookingId,
          inviteeName: found?.name ?? 'an invitee',
          start: new Date(start),
          end: new Date(end),
          ...(found?.status === 'pending' ? { awaitingApproval: true } : {}),
        };
      }
      case 'busy': {
        const { calendarId, start, end } = obstacle.busy;
        return { kind: 'busy', calendarName: (calendarId && calendars.get(calendarId)) || 'a connected calendar', start: new Date(start), end: new Date(end) };
      }
      case 'full':
        return { kind: 'full', taken: obstacle.taken, seats: obstacle.seats };
      default:
        return { kind: obstacle.kind };
    }
  };

  return {
    date: input.date,
    timeZone: schedule.timeZone,
    meetingTypeActive: schedule.isActive,
    staleCalendars: connections
      .filter((connection) => connection.stale)
      .flatMap((connection) => connection.calendars.filter((calendar) => calendar.blocksTime).map((calendar) => ({ name: calendar.name, lastSyncedAt: connection.lastSyncedAt }))),
    candidates: explained.starts.map((candidate) => ({
      start: new Date(candidate.start),
      offered: candidate.obstacles.length === 0,
      reasons: candidate.obstacles.map(reason),
      ...(candidate.seats ? { seats: candidate.seats } : {}),
    })),
  };
}

/** One query for the names and statuses of the bookings in the way (at most the day's bookings). */
async function bookingsInTheWay(database: Queryable, hostUserId: string, ids: string[]): Promise<Map<string, { name: string; status: BookingStatus }>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await database
    .select({ id: bookings.id, name: bookings.inviteeName, status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.hostUserId, hostUserId), inArray(bookings.id, unique)));
  return new Map(rows.map((row) => [row.id, { name: row.name, status: row.status }]));
}
