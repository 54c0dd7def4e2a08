import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { prebuilt } from '@/db/prebuilt';
import { calendarConnections, connectedCalendars } from '@/db/schema';

// Which of a host's blocking calendars have busy data too old to trust for a booking. A plain query
// (no secrets, no provider code), so the booking path can ask it cheaply and load the live check
// (lib/calendars/live-check.ts, server-only) only when there is something to ask.

/** Busy data older than this is asked about live (the cron re-polls at 10 minutes). */
export const LIVE_CHECK_AFTER_MS = 15 * 60 * 1000;

/** Built once (db/prebuilt.ts): every booking asks it. */
const selectStaleCalendars = prebuilt('select_stale_calendars', (database) =>
  database
    .select({ connection: calendarConnections, externalId: connectedCalendars.externalId })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(
      and(
        eq(connectedCalendars.userId, sql.placeholder('hostUserId')),
        eq(connectedCalendars.blocksTime, true),
        ne(calendarConnections.provider, 'ics'),
        eq(calendarConnections.status, 'active'),
        or(isNull(calendarConnections.lastSyncedAt), lt(calendarConnections.lastSyncedAt, sql.placeholder('syncedBefore'))),
      ),
    ),
);

export function staleCalendars(database: Queryable, hostUserId: string, now: number) {
  // A placeholder in a condition goes to the driver as given: an ISO string, as drizzle would send the Date.
  return selectStaleCalendars(database, { hostUserId, syncedBefore: new Date(now - LIVE_CHECK_AFTER_MS).toISOString() });
}

export type StaleCalendar = Awaited<ReturnType<typeof staleCalendars>>[number];
