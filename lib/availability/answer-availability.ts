import type { Queryable } from '@/db/client';
import { type CacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { parseWith } from '@/lib/http';
import { countSlotCache } from '@/lib/metrics/counters';
import { computeOfferedSlots, type Interval, localDateRangeToInterval, type MeetingPolicy, MS_PER_DAY, resolveSlotPolicy } from '@/lib/scheduling';
import { loadMeetingTypeSchedule, scheduleInput } from './load-schedule';
import { loadMeetingTypeHead, type MeetingTypeHead } from './meeting-type-head';
import { buildReply, type CachedReply, findCachedReply, rememberReply } from './reply-cache';
import { availabilityQuerySchema, assertRangeWithinBounds } from './schemas';
import { clockFree, findSlotEntry } from './slot-entry';
import { SlotList } from './slot-list';

// GET /api/v1/availability, below HTTP: a warm request costs one version read; a cold one a head
// query, then the shared store or one schedule query and the engine. With the slot cache off
// (SLOT_CACHE_TTL_SECONDS=0) no version is read, so the head comes with the schedule in one query.


export interface AvailabilityDeps {
  /** The primary: anything that will be cached under a version must be read after that version's commit. */
  database: Queryable;
  /** A read replica, used only when nothing is cached (it may lag behind a version bump). */
  replica?: Queryable;
  store: CacheStore;
}

/** The slots the clock lets an invitee see now: notice and horizon, within the requested range. */
function cutForNow(slots: SlotList, reply: Pick<CachedReply, 'policy' | 'range'>, now: number): SlotList {
  if (!reply.policy) return slots; // nothing in the booking window: an empty list
  const policy = resolveSlotPolicy(reply.policy, now);
  return slots.between(Math.max(reply.range.start, policy.earliestStart), Math.min(reply.range.end, policy.startsBefore));
}

/** Whole UTC days of the range inside [now − 1 day, now + the booking window + 1 day]; null when none. */
function spanWithinWindow(range: Interval, head: MeetingTypeHead, now: number): Interval | null {
  const start = Math.max(range.start, now - MS_PER_DAY);
  const end = Math.min(range.end, now + (head.maxDaysInFuture + 1) * MS_PER_DAY);
  if (start >= end) return null;
  return { start: Math.floor(start / MS_PER_DAY) * MS_PER_DAY, end: Math.ceil(end / MS_PER_DAY) * MS_PER_DAY };
}

/** The head and the slots of its span, with the version they were read under (-1: not cached). */
interface Loaded {
  head: MeetingTypeHead;
  version: number;
  entry: { policy: MeetingPolicy; slots: SlotList } | null;
}

/** Through the version and the shared store: the head first, since the version is the host's. */
async function loadCached(deps: AvailabilityDeps, meetingTypeId: string, range: Interval, now: number, ttlSeconds: number): Promise<Loaded> {
  const head = await loadMeetingTypeHead(deps.database, meetingTypeId);
  if (!head || !head.isActive) throw notFound('Meeting type');
  // Read before any slot data, so nothing is cached under a version newer than what it was built from.
  const version = await readHostVersion(deps.store, head.hostUserId);
  const span = spanWithinWindow(range, head, now);
  if (!span) return { head, version, entry: null };
  const entry = await findSlotEntry(deps.database, deps.store, { meetingTypeId, version, span, ttlSeconds });
  return { head, version, entry: { policy: entry.policy, slots: SlotList.fromPairs(entry.slots) } };
}

/**
 * Nothing cached: one query over the requested range's whole days from yesterday on, which holds
 * the span the window leaves (a superset of the data the span needs), and the engine over that span.
 */
async function loadUncached(database: Queryable, meetingTypeId: string, range: Interval, now: number): Promise<Loaded> {
  const start = Math.floor(Math.max(range.start, now - MS_PER_DAY) / MS_PER_DAY) * MS_PER_DAY;
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, { start, end: Math.max(start, range.end) });
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  const head = { hostUserId: schedule.hostUserId, isActive: schedule.isActive, maxDaysInFuture: schedule.policy.maxDaysInFuture };
  const span = spanWithinWindow(range, head, now);
  if (!span) return { head, version: -1, entry: null };
  const slots = computeOfferedSlots(scheduleInput(schedule, clockFree(schedule.policy), span.start), span);
  return { head, version: -1, entry: { policy: schedule.policy, slots: SlotList.fromOffered(slots) } };
}

/** True while the horizon has not moved past what the entry's slots were computed for. */
function stillCovers(reply: CachedReply, now: number): boolean {
  return Math.min(reply.range.end, now + reply.windowDays * MS_PER_DAY) <= reply.coveredUntil;
}

/**
 * `search` is the raw query string: it keys the reply cache, so a warm request is never parsed. The
 * reply's bytes and tag, and the slots they hold (the booking page sends them with itself).
 */
export async function answerAvailability(deps: AvailabilityDeps, search: string, now: number): Promise<Pick<CachedReply, 'body' | 'etag' | 'shown'>> {
  const ttlSeconds = env().SLOT_CACHE_TTL_SECONDS;
  const cached = ttlSeconds > 0 ? findCachedReply(search) : undefined;
  if (cached && stillCovers(cached, now) && (await readHostVersion(deps.store, cached.hostUserId)) === cached.version) {
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
  const { head, version, entry } =
    ttlSeconds > 0
      ? await loadCached(deps, query.meetingTypeId, range, now, ttlSeconds)
      : await loadUncached(deps.replica ?? deps.database, query.meetingTypeId, range, now);

  const slots = entry?.slots ?? SlotList.fromPairs([]);
  // The window the slots were computed with; the head was read before the version, so it may be older.
  const windowDays = entry?.policy.maxDaysInFuture ?? head.maxDaysInFuture;
  const coveredUntil = Math.min(range.end, now + (windowDays + 1) * MS_PER_DAY);
  const fields = { hostUserId: head.hostUserId, version, policy: entry?.policy ?? null, range, windowDays, coveredUntil };
  const reply = buildReply({
    ...fields,
    head: { meetingTypeId: query.meetingTypeId, timezone: query.timezone },
    slots,
    shown: cutForNow(slots, fields, now),
  });
  if (version >= 0 && windowDays === head.maxDaysInFuture) rememberReply(search, reply, ttlSeconds);
  return reply;
}
