import type { Queryable } from '@/db/client';
import { type CacheStore } from '@/lib/cache';
import { readHostVersion, readTeamStamp } from '@/lib/cache/host-version';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { parseWith } from '@/lib/http';
import { countSlotCache } from '@/lib/metrics/counters';
import { computeOfferedSlots, type Interval, localDateRangeToInterval, type MeetingPolicy, MS_PER_DAY } from '@/lib/scheduling';
import { loadMeetingTypeSchedule, scheduleInput } from './load-schedule';
import { loadMeetingTypeHead, type TeamTypeHead } from './meeting-type-head';
import { buildReply, type CachedReply, findCachedReply, rememberReply } from './reply-cache';
import { cutForNow, spanWithinWindow, stillCovers } from './reply-window';
import { type AvailabilityQuery, availabilityQuerySchema, assertRangeWithinBounds } from './schemas';
import { clockFree, findSlotEntry, type SlotEntry } from './slot-entry';
import { SlotList } from './slot-list';
import { computeTeamSlotEntry, findTeamSlotEntry } from './team-slot-entry';

// GET /api/v1/availability, below HTTP: a warm request costs one version read; a cold one a head
// query, then the shared store or one schedule query and the engine. With the slot cache off
// (SLOT_CACHE_TTL_SECONDS=0) no version is read, so a host's head comes with the schedule in one query
// (a team type, which that query does not find, then reads its head and its members' one query).


export interface AvailabilityDeps {
  /** The primary: anything that will be cached under a version must be read after that version's commit. */
  database: Queryable;
  /** A read replica, used only when nothing is cached (it may lag behind a version bump). */
  replica?: Queryable;
  store: CacheStore;
}

/**
 * `search` is the raw query string: it keys the reply cache, so a warm request is never parsed. The
 * reply's bytes and tag, and the slots they hold (the booking page sends them with itself).
 */
export async function answerAvailability(deps: AvailabilityDeps, search: string, now: number): Promise<Pick<CachedReply, 'body' | 'etag' | 'shown'>> {
  const ttlSeconds = env().SLOT_CACHE_TTL_SECONDS;
  const cached = ttlSeconds > 0 ? findCachedReply(search) : undefined;
  if (cached && stillCovers(cached, now) && (await stillCurrent(deps.store, cached))) {
    countSlotCache('reply', true);
    const shown = cutForNow(cached.slots, cached, now);
    if (shown.sameCutAs(cached.shown)) return cached;
    const rebuilt = buildReply({ ...cached, shown });
    rememberReply(search, rebuilt, ttlSeconds);
    return rebuilt;
  }
  if (ttlSeconds > 0) countSlotCache('reply', false);

  const query = parseWith(availabilityQuerySchema, Object.fromEntries(new URLSearchParams(search)), 'query parameters');
  const range = localDateRangeToInterval(query.start, query.end, query.timezone);
  assertRangeWithinBounds(range, now);
  const source = ttlSeconds > 0 ? deps.database : (deps.replica ?? deps.database);
  const request = { search, query, range, now, ttlSeconds };
  if (ttlSeconds <= 0) {
    const uncached = await loadUncached(source, query.meetingTypeId, range, now);
    if (uncached) return replyFrom(request, uncached.head, uncached.entry, { hostUserId: uncached.head.hostUserId, version: -1, cacheable: false });
  }
  const found = await loadMeetingTypeHead(source, query.meetingTypeId);
  if (!found || !(found.team ?? found).isActive) throw notFound('Meeting type');
  if (found.team) return answerTeam(deps, { ...request, source }, found.team);
  const head = found;
  // Read before any slot data, so nothing is cached under a version newer than what it was built from.
  const version = await readHostVersion(deps.store, head.hostUserId);
  if (version < 0) {
    // The store is unreachable: no version to cache under, so nothing is remembered and the database answers.
    const uncached = await loadUncached(source, query.meetingTypeId, range, now);
    if (!uncached) throw notFound('Meeting type');
    return replyFrom(request, uncached.head, uncached.entry, { hostUserId: head.hostUserId, version: -1, cacheable: false });
  }
  const span = spanWithinWindow(range, head, now);
  const entry = span ? listed(await findSlotEntry(deps.database, deps.store, { meetingTypeId: query.meetingTypeId, version, span, ttlSeconds })) : null;
  return replyFrom(request, head, entry, { hostUserId: head.hostUserId, version, cacheable: true });
}

/** The slots of a span, ready for the reply. */
interface Listed {
  policy: MeetingPolicy;
  slots: SlotList;
}

const listed = (entry: SlotEntry): Listed => ({ policy: entry.policy, slots: SlotList.fromPairs(entry.slots) });

/**
 * Nothing cached, a host's meeting type: one query over the requested range's whole days from yesterday
 * on, which holds the span the window leaves (a superset of the data the span needs), and the engine over
 * that span. Null when that query finds no host's meeting type (a team type, or none at all).
 */
async function loadUncached(database: Queryable, meetingTypeId: string, range: Interval, now: number) {
  const start = Math.floor(Math.max(range.start, now - MS_PER_DAY) / MS_PER_DAY) * MS_PER_DAY;
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, { start, end: Math.max(start, range.end) });
  if (!schedule) return null;
  if (!schedule.isActive) throw notFound('Meeting type');
  const head = { hostUserId: schedule.hostUserId, maxDaysInFuture: schedule.policy.maxDaysInFuture };
  const span = spanWithinWindow(range, head, now);
  if (!span) return { head, entry: null };
  const slots = computeOfferedSlots(scheduleInput(schedule, clockFree(schedule.policy), span.start), span);
  return { head, entry: { policy: schedule.policy, slots: SlotList.fromOffered(slots) } };
}

/** A reply remembered for a host is good while the host's version is; a team's while every version in its stamp is. */
async function stillCurrent(store: CacheStore, cached: CachedReply): Promise<boolean> {
  if (cached.team) return (await readTeamStamp(store, cached.team.memberIds)) === cached.team.stamp;
  return cached.hostUserId !== null && (await readHostVersion(store, cached.hostUserId)) === cached.version;
}

interface Request {
  search: string;
  query: AvailabilityQuery;
  range: Interval;
  now: number;
  ttlSeconds: number;
}

/**
 * A team meeting type: the same reply shape, never naming a member. Every chosen member's version is read in one round trip before any slot data; its schedule is one query.
 */
async function answerTeam(deps: AvailabilityDeps, request: Request & { source: Queryable }, head: TeamTypeHead): Promise<CachedReply> {
  const { query, range, now, source, ttlSeconds } = request;
  const stamp = ttlSeconds > 0 ? await readTeamStamp(deps.store, head.memberIds) : null;
  const span = spanWithinWindow(range, head, now);
  let entry: Listed | null = null;
  if (span && stamp !== null) entry = listed(await findTeamSlotEntry(deps.database, deps.store, { meetingTypeId: query.meetingTypeId, head, stamp, span, ttlSeconds }));
  else if (span) entry = listed(await computeTeamSlotEntry(source, query.meetingTypeId, head, span));
  const team = stamp === null ? undefined : { memberIds: head.memberIds, stamp };
  return replyFrom(request, head, entry, { hostUserId: null, version: -1, team, cacheable: stamp !== null });
}

function replyFrom(
  { search, query, range, now, ttlSeconds }: Request,
  head: { maxDaysInFuture: number },
  entry: Listed | null,
  owner: Pick<CachedReply, 'hostUserId' | 'version' | 'team'> & { cacheable: boolean },
): CachedReply {
  const slots = entry?.slots ?? SlotList.fromPairs([]);
  // The window the slots were computed with; the head was read before the version, so it may be older.
  const windowDays = entry?.policy.maxDaysInFuture ?? head.maxDaysInFuture;
  const coveredUntil = Math.min(range.end, now + (windowDays + 1) * MS_PER_DAY);
  const { cacheable, ...versioned } = owner;
  const fields = { ...versioned, policy: entry?.policy ?? null, range, windowDays, coveredUntil };
  const reply = buildReply({
    ...fields,
    head: { meetingTypeId: query.meetingTypeId, timezone: query.timezone },
    slots,
    shown: cutForNow(slots, fields, now),
  });
  if (cacheable && windowDays === head.maxDaysInFuture) rememberReply(search, reply, ttlSeconds);
  return reply;
}
