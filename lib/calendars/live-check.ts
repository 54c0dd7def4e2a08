import 'server-only';
import type { Interval } from '@/lib/scheduling';
import { providerFor } from './adapters';
import type { OAuthProvider } from './provider-config';
import type { StaleCalendar } from './stale-calendars';
import { accessTokenContext, openToken } from './token-vault';
import { log } from '@/lib/log';

// The booking transaction's last word on external calendars. Busy time normally comes from
// external_busy; when a connection has not synced for a while (push lost, provider down) the
// requested range is asked live, bounded in time. A timeout or failure lets the last known data
// decide, and says so in the log. It never refreshes tokens here: that would need the host lock the
// booking already holds; an expired token skips the live check the same way.

export const LIVE_CHECK_TIMEOUT_MS = 1_500;

export interface LiveCheckOptions {
  now: number;
  timeoutMs?: number;
  /** A range whose busy time is ours anyway (a rescheduled booking's own event). */
  ignore?: Interval | undefined;
}

/** `rows`: the host's stale calendars (stale-calendars.ts); true when one of them is busy in `range`. */
export async function liveBusyOverlaps(hostUserId: string, rows: StaleCalendar[], range: Interval, options: LiveCheckOptions): Promise<boolean> {
  if (rows.length === 0) return false;
  const byConnection = new Map<string, { connection: (typeof rows)[number]['connection']; calendarIds: string[] }>();
  for (const row of rows) {
    const entry = byConnection.get(row.connection.id) ?? { connection: row.connection, calendarIds: [] };
    entry.calendarIds.push(row.externalId);
    byConnection.set(row.connection.id, entry);
  }
  const timeoutMs = options.timeoutMs ?? LIVE_CHECK_TIMEOUT_MS;
  const query = { start: new Date(range.start), end: new Date(range.end) };
  const checks = [...byConnection.values()].map(async ({ connection, calendarIds }) => {
    if (!connection.accessTokenEncrypted || !connection.expiresAt || connection.expiresAt.getTime() < options.now + 30_000) {
      log().warn({ connectionId: connection.id }, 'live free/busy check skipped: token expired; the last known busy data decides');
      return false;
    }
    const token = openToken(connection.accessTokenEncrypted, accessTokenContext(connection.id));
    const busy = await providerFor(connection.provider as OAuthProvider).adapter.queryFreeBusy(token, calendarIds, query, timeoutMs);
    return busy.some((b) => b.start.getTime() < range.end && b.end.getTime() > range.start && !covers(options.ignore, b));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.all(checks), timeout]);
    if (outcome === 'timeout') {
      log().warn({ hostUserId, timeoutMs }, 'live free/busy check timed out; the last known busy data decides');
      return false;
    }
    return outcome.some(Boolean);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      log().warn({ hostUserId, timeoutMs }, 'live free/busy check timed out; the last known busy data decides');
      return false;
    }
    log().warn({ hostUserId, error: error instanceof Error ? error.message : String(error) }, 'live free/busy check failed; the last known busy data decides');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const covers = (ignore: Interval | undefined, busy: { start: Date; end: Date }) => Boolean(ignore && busy.start.getTime() >= ignore.start && busy.end.getTime() <= ignore.end);
