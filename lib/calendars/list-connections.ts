import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { calendarConnections, connectedCalendars, type CalendarProvider, type ConnectionStatus } from '@/db/schema';

// What the integrations page shows: each connection, its calendars and whether its busy data is stale.

/** Past this, a connection's busy data is flagged on the dashboard (the cron re-polls every 10 minutes). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

export interface ConnectionView {
  id: string;
  provider: CalendarProvider;
  accountEmail: string | null;
  icsUrl: string | null;
  status: ConnectionStatus;
  lastSyncedAt: Date | null;
  lastError: string | null;
  /** When the poll tries it next (meaningful while it is active). */
  nextSyncAt: Date;
  lastAttemptAt: Date | null;
  /** Failures in a row since the last success. */
  failureCount: number;
  /** What the last successful read left out (skipped feed events). */
  lastSyncWarning: string | null;
  stale: boolean;
  calendars: { id: string; name: string; isPrimary: boolean; blocksTime: boolean; receivesEvents: boolean }[];
}

export async function listConnections(database: Queryable, hostUserId: string, now = Date.now()): Promise<ConnectionView[]> {
  const [connections, calendars] = await Promise.all([
    database.select().from(calendarConnections).where(eq(calendarConnections.userId, hostUserId)).orderBy(asc(calendarConnections.createdAt)),
    database.select().from(connectedCalendars).where(eq(connectedCalendars.userId, hostUserId)).orderBy(asc(connectedCalendars.name)),
  ]);
  return connections.map((connection) => ({
    id: connection.id,
    provider: connection.provider,
    accountEmail: connection.accountEmail,
    icsUrl: connection.icsUrl,
    status: connection.status,
    lastSyncedAt: connection.lastSyncedAt,
    lastError: connection.lastError,
    nextSyncAt: connection.nextSyncAt,
    lastAttemptAt: connection.lastAttemptAt,
    failureCount: connection.failureCount,
    lastSyncWarning: connection.lastSyncWarning,
    stale: !connection.lastSyncedAt || now - connection.lastSyncedAt.getTime() > STALE_AFTER_MS,
    calendars: calendars
      .filter((calendar) => calendar.connectionId === connection.id)
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
      .map(({ id, name, isPrimary, blocksTime, receivesEvents }) => ({ id, name, isPrimary, blocksTime, receivesEvents })),
  }));
}
