import { LRUCache } from 'lru-cache';
import type { Queryable } from '@/db/client';
import type { CacheStore } from '@/lib/cache';
import { bestEffort } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { computeSlots, type Interval, type MeetingPolicy, resolveSlotPolicy } from '@/lib/scheduling';
import { loadMeetingTypeSchedule } from './load-schedule';
import { SlotList } from './slot-list';

// Slots for one meeting type over a range: cache first, else load (1 query) and run the engine.
// What is cached does not depend on the clock (notice and horizon are applied when read), so one entry
// serves every request until the host's version changes.

const DAY_MS = 86_400_000;

interface CachedSlots {
  policy: MeetingPolicy;
  /** [start, end] pairs in epoch ms, ascending. */
  slots: [number, number][];
}

// A meeting type never changes host, so this mapping needs no invalidation.
const hostOfMeetingType = new LRUCache<string, string>({ max: 50_000 });

/** The policy with the clock-dependent limits opened up, for a result that is valid at any `now`. */
function clockFree(policy: MeetingPolicy): MeetingPolicy {
  return { ...policy, minNoticeMinutes: 0, maxDaysInFuture: 1_000_000 };
}

/** Whole UTC days around the request, so nearby requests share one entry. */
function cachedSpan(range: Interval): Interval {
  return { start: Math.floor(range.start / DAY_MS) * DAY_MS, end: Math.ceil(range.end / DAY_MS) * DAY_MS };
}

async function computeClockFreeSlots(database: Queryable, meetingTypeId: string, span: Interval): Promise<CachedSlots> {
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, span);
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  hostOfMeetingType.set(meetingTypeId, schedule.hostUserId);
  const slots = computeSlots(
    {
      timeZone: schedule.hostTimeZone,
      rules: schedule.rules,
      overrides: schedule.overrides,
      busy: schedule.busy,
      bookings: schedule.bookings,
      meetingType: clockFree(schedule.policy),
      now: span.start,
    },
    span,
  );
  return { policy: schedule.policy, slots: slots.map((s) => [s.start, s.end]) };
}

export interface AvailabilityQuery {
  meetingTypeId: string;
  range: Interval;
  now: number;
}

interface DecodedEntry {
  policy: MeetingPolicy;
  slots: SlotList;
}

// An entry's key carries the host's version, so its content never changes: each process keeps the
// decoded form of recent entries and a warm request costs one version read and no decoding.
const decodedEntries = new LRUCache<string, DecodedEntry>({ max: 2_000 });

/** Tests play a second app instance, which has only the shared store. */
export function forgetDecodedEntriesForTests(): void {
  decodedEntries.clear();
}

function decode(entry: CachedSlots): DecodedEntry {
  return { policy: entry.policy, slots: SlotList.fromPairs(entry.slots) };
}

async function findOrComputeEntry(database: Queryable, store: CacheStore, meetingTypeId: string, span: Interval): Promise<DecodedEntry> {
  const ttlSeconds = env().SLOT_CACHE_TTL_SECONDS;
  const hostUserId = hostOfMeetingType.get(meetingTypeId);
  if (!hostUserId || ttlSeconds === 0) {
    // Never seen here (so no version to trust yet), or caching is off: compute, do not store.
    return decode(await computeClockFreeSlots(database, meetingTypeId, span));
  }
  // The version is read before any data, so an entry is never stored under a version newer than its data.
  const version = await readHostVersion(store, hostUserId);
  if (version < 0) return decode(await computeClockFreeSlots(database, meetingTypeId, span));
  const key = `rdv:slots:${meetingTypeId}:v${version}:${span.start / DAY_MS}-${span.end / DAY_MS}`;
  const local = decodedEntries.get(key);
  if (local) return local;
  let cached = await bestEffort('read slots', () => store.getJson<CachedSlots>(key), null);
  if (!cached) {
    const computed: CachedSlots = await computeClockFreeSlots(database, meetingTypeId, span);
    await bestEffort('write slots', () => store.setJson(key, computed, ttlSeconds), undefined);
    cached = computed;
  }
  const decoded = decode(cached);
  decodedEntries.set(key, decoded, { ttl: ttlSeconds * 1000 });
  return decoded;
}

/** Bookable slots whose start lies in the query's range, as of `now`. */
export async function getAvailableSlots(database: Queryable, store: CacheStore, query: AvailabilityQuery): Promise<SlotList> {
  const entry = await findOrComputeEntry(database, store, query.meetingTypeId, cachedSpan(query.range));
  const policy = resolveSlotPolicy(entry.policy, query.now);
  return entry.slots.between(Math.max(query.range.start, policy.earliestStart), Math.min(query.range.end, policy.startsBefore));
}
