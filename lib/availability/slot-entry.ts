import type { Queryable } from '@/db/client';
import { bestEffort, type CacheStore } from '@/lib/cache';
import { notFound } from '@/lib/errors';
import { countSlotCache } from '@/lib/metrics/counters';
import { computeOfferedSlots, type Interval, type MeetingPolicy, MS_PER_DAY } from '@/lib/scheduling';
import { loadMeetingTypeSchedule, scheduleInput } from './load-schedule';
import { SlotList, type SlotTuple } from './slot-list';

// The slots of one meeting type over whole UTC days, computed with the clock-dependent limits (notice,
// horizon) opened up, so one entry is right at any `now` until the host's data changes. Shared by
// every instance through the cache store, under a key that carries the host's version: a change bumps
// the version and old entries are never read again (no KEYS/SCAN invalidation).

export interface SlotEntry {
  policy: MeetingPolicy;
  /** [start, end] pairs in epoch ms, ascending; a group event's add the seats left. */
  slots: SlotTuple[];
}


export function clockFree(policy: MeetingPolicy): MeetingPolicy {
  return { ...policy, minNoticeMinutes: 0, maxDaysInFuture: 1_000_000 };
}

export async function computeSlotEntry(database: Queryable, meetingTypeId: string, span: Interval): Promise<SlotEntry> {
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, span);
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  const slots = computeOfferedSlots(scheduleInput(schedule, clockFree(schedule.policy), span.start), span);
  return { policy: schedule.policy, slots: SlotList.tuplesOf(slots) };
}

export interface VersionedSpan {
  meetingTypeId: string;
  /** The host's version, read before any data: an entry is never stored under a version newer than its data. */
  version: number;
  span: Interval;
  ttlSeconds: number;
}

/** The entry from the shared store, or computed (one query + the engine) and stored. */
export async function findSlotEntry(database: Queryable, store: CacheStore, at: VersionedSpan): Promise<SlotEntry> {
  const key = `rdv:slots:${at.meetingTypeId}:v${at.version}:${at.span.start / MS_PER_DAY}-${at.span.end / MS_PER_DAY}`;
  const cached = await bestEffort('read slots', () => store.getJson<SlotEntry>(key), null);
  countSlotCache('shared', cached !== null);
  if (cached) return cached;
  const computed = await computeSlotEntry(database, at.meetingTypeId, at.span);
  await bestEffort('write slots', () => store.setJson(key, computed, at.ttlSeconds), undefined);
  return computed;
}
