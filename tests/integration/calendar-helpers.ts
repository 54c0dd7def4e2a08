import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { calendarConnections, connectedCalendars, externalBusy } from '@/db/schema';
import { completeConnect, startConnect } from '@/lib/calendars/connect';
import type { OAuthProvider } from '@/lib/calendars/provider-config';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { hostContext } from '@/lib/hosts/host-write';
import { installEventSink } from '@/lib/jobs/event-sink';
import { setTestEnv } from './env';

// Shared steps of the calendar tests: configure the app against a fake, walk the consent dance the
// way a browser would (follow the consent page's redirect, hand code and state to the callback).

// Fixed, so rows other test files sealed stay readable to global passes (the cron's renewals).
export const testVaultKey = `t1:${Buffer.alloc(32, 7).toString('base64')}`;

export function useProviderFake(provider: OAuthProvider, fake: { origin: string; clientId: string; clientSecret: string }, extra: Record<string, string> = {}) {
  const prefix = provider === 'google' ? 'GOOGLE' : 'MICROSOFT';
  setTestEnv({
    [`${prefix}_CLIENT_ID`]: fake.clientId,
    [`${prefix}_CLIENT_SECRET`]: fake.clientSecret,
    [`${prefix}_API_ORIGIN`]: fake.origin,
    TOKEN_ENCRYPTION_KEY: testVaultKey,
    ...extra,
  });
}

/** The app's public address in push tests (providers deliver only to https); fakes route it to a local server. */
export const publicAppUrl = 'https://rendezvous.test';

/**
 * Installs an event sink that takes every event as a queue would and runs nothing; returns the
 * connections whose sync was requested (`calendar/sync-requested`), in order. Outbox events it takes
 * count as handed on: tests that need their jobs read the rows and deliver them to the inline runner.
 */
export function recordSyncRequests(): string[] {
  const requested: string[] = [];
  installEventSink({
    deliver: async (event) => {
      if (event.name === 'calendar/sync-requested') requested.push((event.data as { connectionId: string }).connectionId);
    },
  });
  return requested;
}

export async function consent(database: Database, provider: OAuthProvider, hostUserId: string) {
  const url = await startConnect(hostContext(depsFor(database), hostUserId), { provider });
  const consentPage = await fetch(url, { redirect: 'manual' });
  const back = new URL(consentPage.headers.get('location') ?? '');
  return { url, code: back.searchParams.get('code')!, state: back.searchParams.get('state')! };
}

export async function connect(database: Database, provider: OAuthProvider, hostUserId: string): Promise<string> {
  const { code, state } = await consent(database, provider, hostUserId);
  return completeConnect(hostContext(depsFor(database), hostUserId), { provider, code, state });
}

export const depsFor = (database: Database) => ({ database, store: createMemoryStore() });

export async function busyRows(database: Database, connectionId: string) {
  const rows = await database.select().from(externalBusy).where(eq(externalBusy.connectionId, connectionId));
  return rows.map((row) => ({ id: row.sourceEventId, start: row.startTime.toISOString(), end: row.endTime.toISOString() })).sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export async function connectionRow(database: Database, connectionId: string) {
  const [row] = await database.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  return row;
}

export async function calendarRows(database: Database, connectionId: string) {
  return database.select().from(connectedCalendars).where(eq(connectedCalendars.connectionId, connectionId));
}
