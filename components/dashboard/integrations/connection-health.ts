import type { ConnectionView } from '@/lib/calendars/list-connections';

// A connection's health in words, for its card: when it last worked, what went wrong last, when
// it is tried next. Times are UTC minutes, like the rest of the page.

export interface HealthLine {
  term: string;
  detail: string;
}

const utc = (instant: Date) => `${instant.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

function nextAttempt(connection: ConnectionView, now: number): string {
  if (connection.status === 'reauth_required') return 'None until you reconnect';
  if (connection.status === 'error') return 'None: syncing stopped after a day of errors. Use “Try again”.';
  return connection.nextSyncAt.getTime() <= now ? 'Within a minute' : utc(connection.nextSyncAt);
}

export function healthLines(connection: ConnectionView, now = Date.now()): HealthLine[] {
  const last = connection.lastSyncedAt ? utc(connection.lastSyncedAt) : 'Not yet';
  const lines: HealthLine[] = [{ term: 'Last successful sync', detail: connection.stale && connection.lastSyncedAt ? `${last} (over an hour ago: busy times may be out of date)` : last }];
  if (connection.lastError) {
    const repeated = connection.failureCount > 1 ? ` (${connection.failureCount} tries in a row)` : '';
    lines.push({ term: 'Last error', detail: `${connection.lastError}${repeated}` });
  }
  if (connection.lastSyncWarning) lines.push({ term: 'Left out', detail: connection.lastSyncWarning });
  lines.push({ term: 'Next attempt', detail: nextAttempt(connection, now) });
  return lines;
}
