import type { ConnectionView } from '@/lib/calendars/list-connections';
import { formatDateTime, type HourCycle } from '@/lib/hosts/host-clock';

// A connection's health in words, for its card: when it last worked, what went wrong last, when
// it is tried next. Times on the host's wall clock and clock, like the rest of the dashboard.

export interface HealthLine {
  term: string;
  detail: string;
}

/** The host's zone and clock. */
export interface HostClock {
  timeZone: string;
  hourCycle: HourCycle;
}

function nextAttempt(connection: ConnectionView, clock: HostClock, now: number): string {
  if (connection.status === 'reauth_required') return 'None until you reconnect';
  if (connection.status === 'error') return 'None: syncing stopped after a day of errors. Use “Try again”.';
  return connection.nextSyncAt.getTime() <= now ? 'Within a minute' : formatDateTime(connection.nextSyncAt, clock.timeZone, clock.hourCycle);
}

export function healthLines(connection: ConnectionView, clock: HostClock, now = Date.now()): HealthLine[] {
  const last = connection.lastSyncedAt ? formatDateTime(connection.lastSyncedAt, clock.timeZone, clock.hourCycle) : 'Not yet';
  const lines: HealthLine[] = [{ term: 'Last successful sync', detail: connection.stale && connection.lastSyncedAt ? `${last} (over an hour ago: busy times may be out of date)` : last }];
  if (connection.lastError) {
    const repeated = connection.failureCount > 1 ? ` (${connection.failureCount} tries in a row)` : '';
    lines.push({ term: 'Last error', detail: `${connection.lastError}${repeated}` });
  }
  if (connection.lastSyncWarning) lines.push({ term: 'Left out', detail: connection.lastSyncWarning });
  lines.push({ term: 'Next attempt', detail: nextAttempt(connection, clock, now) });
  return lines;
}
