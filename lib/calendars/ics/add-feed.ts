import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { applyBusyChanges } from '../busy-store';
import { checkFeedUrl, FeedRefusedError } from './fetch-feed';
import { fetchIcsChanges } from './ics-changes';

// A host adds an ICS feed as a busy source: the URL is checked and read once before anything is
// stored, so a wrong address is a field error now rather than a silent failure later.

export const addFeedSchema = z.object({
  url: z.string().trim().min(1, 'Enter the feed’s address').max(2000),
  name: z.string().trim().max(100).optional().transform((v) => v || undefined),
});

const MAX_FEEDS_PER_HOST = 20;

export async function addIcsFeed(deps: HostWriteDeps, hostUserId: string, input: z.infer<typeof addFeedSchema>, now = Date.now()): Promise<{ connectionId: string }> {
  const fieldError = (message: string) => new AppError('invalid_request', message, { details: { fieldErrors: { url: message } } });
  let url: URL;
  let changes;
  try {
    url = checkFeedUrl(input.url);
    changes = await fetchIcsChanges(url.toString(), now);
  } catch (error) {
    if (error instanceof FeedRefusedError) throw fieldError(error.message);
    throw fieldError('That feed could not be read. Check the address and that it is an iCalendar (.ics) feed.');
  }
  const existing = await deps.database.$count(calendarConnections, sql`${calendarConnections.userId} = ${hostUserId} and ${calendarConnections.provider} = 'ics'`);
  if (existing >= MAX_FEEDS_PER_HOST) throw fieldError(`You can add at most ${MAX_FEEDS_PER_HOST} feeds.`);
  const connectionId = randomUUID();
  const calendarId = randomUUID();
  await deps.database.transaction(async (tx) => {
    await tx.insert(calendarConnections).values({ id: connectionId, userId: hostUserId, provider: 'ics', icsUrl: url.toString(), accountEmail: null });
    await tx.insert(connectedCalendars).values({ id: calendarId, connectionId, userId: hostUserId, externalId: 'feed', name: input.name ?? url.hostname, blocksTime: true });
  });
  await applyBusyChanges(deps, { hostUserId, connectionId, calendarId }, changes, now);
  await deps.database.update(calendarConnections).set({ lastSyncedAt: new Date(now) }).where(sql`${calendarConnections.id} = ${connectionId}`);
  return { connectionId };
}
