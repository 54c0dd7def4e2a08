import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { calendarConnections, connectedCalendars } from '@/db/schema';

// Which of a host's blocking calendars have busy data too old to trust for a booking. A plain query
// (no secrets, no provider code), so the booking path can ask it cheaply and load the live check
// (lib/calendars/live-check.ts, server-only) only when there is something to ask.

/** Busy data older than this is asked about live (the cron re-polls at 10 minutes). */
export const LIVE_CHECK_AFTER_MS = 15 * 60 * 1000;

export async function staleCalendars(database: Queryable, hostUserId: string, now: number) {
  return database
    .select({ connection: calendarConnections, externalId: connectedCalendars.externalId })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(
      and(
        eq(connectedCalendars.userId, hostUserId),
        eq(connectedCalendars.blocksTime, true),
        ne(calendarConnections.provider, 'ics'),
        eq(calendarConnections.status, 'active'),
        or(isNull(calendarConnections.lastSyncedAt), lt(calendarConnections.lastSyncedAt, new Date(now - LIVE_CHECK_AFTER_MS))),
      ),
    );
}

export type StaleCalendar = Awaited<ReturnType<typeof staleCalendars>>[number];
