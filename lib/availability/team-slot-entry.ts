import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { bestEffort, type CacheStore } from '@/lib/cache';
import { notFound } from '@/lib/errors';
import { countSlotCache } from '@/lib/metrics/counters';
import { computeTeamSlots, type Interval, MS_PER_DAY } from '@/lib/scheduling';
import type { TeamTypeHead } from './meeting-type-head';
import { loadTeamTypeSchedule, teamMemberInputs } from './load-team-schedule';
import { clockFree, type SlotEntry } from './slot-entry';
import { SlotList } from './slot-list';

// A team meeting type's slots over whole UTC days, clock-free like a host's entry. The entry holds only
// the offered starts: which members are free at each never leaves the server (public replies must not
// say), and the booking path checks members itself under their locks.

export async function computeTeamSlotEntry(database: Queryable, meetingTypeId: string, head: TeamTypeHead, span: Interval): Promise<SlotEntry> {
  const schedule = await loadTeamTypeSchedule(database, meetingTypeId, head.memberIds, span);
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  const slots = computeTeamSlots(teamMemberInputs(schedule, clockFree(schedule.policy), span.start), span, schedule.mode);
  return { policy: schedule.policy, slots: SlotList.tuplesOf(slots) };
}

/** The store key: the type, its settings' time, the chosen members and every member's version. */
export function teamEntryKey(meetingTypeId: string, head: TeamTypeHead, stamp: string, span: Interval): string {
  const members = createHash('sha256').update(head.memberIds.join(',')).digest('base64url').slice(0, 16);
  return `rdv:team-slots:${meetingTypeId}:${head.updatedAt}:${members}:v${stamp}:${span.start / MS_PER_DAY}-${span.end / MS_PER_DAY}`;
}

/** From the shared store, or computed (one schedule query for every member + the engine) and stored. */
export async function findTeamSlotEntry(database: Queryable, store: CacheStore, at: { meetingTypeId: string; head: TeamTypeHead; stamp: string; span: Interval; ttlSeconds: number }): Promise<SlotEntry> {
  const key = teamEntryKey(at.meetingTypeId, at.head, at.stamp, at.span);
  const cached = await bestEffort('read team slots', () => store.getJson<SlotEntry>(key), null);
  countSlotCache('shared', cached !== null);
  if (cached) return cached;
  const computed = await computeTeamSlotEntry(database, at.meetingTypeId, at.head, at.span);
  await bestEffort('write team slots', () => store.setJson(key, computed, at.ttlSeconds), undefined);
  return computed;
}
