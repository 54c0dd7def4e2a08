import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { fieldError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { applyBusyChanges } from '../busy-store';
import { recordSyncSuccess } from '../connection-status';
import { checkFeedUrl, FeedRefusedError } from './fetch-feed';
import { fetchIcsChanges } from './ics-changes';
import { FeedParseError } from './parse-feed';

// A host adds an ICS feed as a busy source. Everything that costs nothing is checked before the
// feed is fetched (the URL, the per-host feed cap, the per-host rate of tries); then it is read
// once before anything is stored, so a wrong address is a field error now, not a silent failure later.

export const addFeedSchema = z.object({
  url: z.string().trim().min(1, 'Enter the feed’s address').max(2000),
  name: z.string().trim().max(100).optional().transform((v) => v || undefined),
});

export const MAX_FEEDS_PER_HOST = 20;

export async function addIcsFeed(ctx: HostContext, input: z.infer<typeof addFeedSchema>): Promise<{ connectionId: string }> {
  const { now } = ctx;
  const hostUserId = ctx.actor.userId;
  const urlError = (message: string) => fieldError('invalid_request', 'url', message);
  let url: URL;
  try {
    url = checkFeedUrl(input.url);
  } catch (error) {
    throw urlError(error instanceof FeedRefusedError ? error.message : 'That is not a valid URL.');
  }
  const existing = await ctx.database.$count(calendarConnections, sql`${calendarConnections.userId} = ${hostUserId} and ${calendarConnections.provider} = 'ics'`);
  if (existing >= MAX_FEEDS_PER_HOST) throw urlError(`You can add at most ${MAX_FEEDS_PER_HOST} feeds.`);
  const verdict = await hitLimit('ics-feed-adds', hostUserId, now);
  if (!verdict.success) throw rateLimited(verdict, now, 'You have tried to add many feeds in the last hour. Please try again later.');
  let read;
  try {
    read = await fetchIcsChanges(url.toString(), now);
  } catch (error) {
    if (error instanceof FeedRefusedError || error instanceof FeedParseError) throw urlError(error.message);
    throw urlError('That feed could not be read. Check the address and that it is an iCalendar (.ics) feed.');
  }
  const connectionId = randomUUID();
  const calendarId = randomUUID();
  await ctx.database.transaction(async (tx) => {
    await tx.insert(calendarConnections).values({ id: connectionId, userId: hostUserId, provider: 'ics', icsUrl: url.toString(), accountEmail: null });
    await tx.insert(connectedCalendars).values({ id: calendarId, connectionId, userId: hostUserId, externalId: 'feed', name: input.name ?? url.hostname, blocksTime: true });
  });
  await applyBusyChanges(ctx, { hostUserId, connectionId, calendarId }, read.changes, now);
  await recordSyncSuccess(ctx, connectionId, now, read.warning);
  return { connectionId };
}
