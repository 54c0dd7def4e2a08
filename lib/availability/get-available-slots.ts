import { LRUCache } from 'lru-cache';
import type { Queryable } from '@/db/client';
import type { CacheStore } from '@/lib/cache';
import { bestEffort } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { computeSlots, type Interval, type MeetingPolicy, resolveSlotPolicy } from '@/lib/scheduling';
import { loadHostBusyTime, loadMeetingTypeSchedule } from './load-schedule';

// Slots for one meeting type over a range: cache first, else load (2 queries) and run the engine.
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

async function computeClockFreeSlots(database: Queryable, meetingTypeId: string, span: Interval): Promise<CachedSlots & { hostUserId: string }> {
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, span);
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  hostOfMeetingType.set(meetingTypeId, schedule.hostUserId);
  const busy = await loadHostBusyTime(database, schedule.hostUserId, span);
  const slots = computeSlots(
    {
      timeZone: schedule.hostTimeZone,
      rules: schedule.rules,
      overrides: schedule.overrides,
      busy: busy.busy,
      bookings: busy.bookings,
      meetingType: clockFree(schedule.policy),
      now: span.start,
    },
    span,
  );
  return { hostUserId: schedule.hostUserId, policy: schedule.policy, slots: slots.map((s) => [s.start, s.end]) };
}

export interface AvailabilityQuery {
  meetingTypeId: string;
  range: Interval;
  now: number;
}

export async function getAvailableSlots(database: Queryable, store: CacheStore, query: AvailabilityQuery): Promise<Interval[]> {
  const span = cachedSpan(query.range);
  let entry: CachedSlots | null = null;
  const ttlSeconds = env().SLOT_CACHE_TTL_SECONDS;
  let hostUserId = hostOfMeetingType.get(query.meetingTypeId);
  // The version is read before any data, so an entry is never stored under a version newer than its data.
  let version = hostUserId ? await readHostVersion(store, hostUserId) : -1;
  const key = (v: number) => `rdv:slots:${query.meetingTypeId}:v${v}:${span.start / DAY_MS}-${span.end / DAY_MS}`;
  if (hostUserId && version >= 0 && ttlSeconds > 0) {
    entry = await bestEffort('read slots', () => store.getJson<CachedSlots>(key(version)), null);
  }
  if (!entry) {
    const computed = await computeClockFreeSlots(database, query.meetingTypeId, span);
    if (!hostUserId) {
      hostUserId = computed.hostUserId;
      version = await readHostVersion(store, hostUserId);
      // First sight of this meeting type: the data may predate `version`, so it is not cached this time.
    } else if (version >= 0 && ttlSeconds > 0) {
      const value: CachedSlots = { policy: computed.policy, slots: computed.slots };
      await bestEffort('write slots', () => store.setJson(key(version), value, ttlSeconds), undefined);
    }
    entry = computed;
  }
  const policy = resolveSlotPolicy(entry.policy, query.now);
  const from = Math.max(query.range.start, policy.earliestStart);
  const to = Math.min(query.range.end, policy.startsBefore);
  const result: Interval[] = [];
  for (const [start, end] of entry.slots) if (start >= from && start < to) result.push({ start, end });
  return result;
}
