import { type Interval, MS_PER_DAY, resolveSlotPolicy } from '@/lib/scheduling';
import type { CachedReply } from './reply-cache';
import type { SlotList } from './slot-list';

// The clock's part of an availability reply, shared by host and team answers: which slots notice and
// horizon show now, which days are worth computing, and when a remembered reply must be recomputed.

/** The slots the clock lets an invitee see now: notice and horizon, within the requested range. */
export function cutForNow(slots: SlotList, reply: Pick<CachedReply, 'policy' | 'range'>, now: number): SlotList {
  if (!reply.policy) return slots; // nothing in the booking window: an empty list
  const policy = resolveSlotPolicy(reply.policy, now);
  return slots.between(Math.max(reply.range.start, policy.earliestStart), Math.min(reply.range.end, policy.startsBefore));
}

/** Whole UTC days of the range inside [now − 1 day, now + the booking window + 1 day]; null when none. */
export function spanWithinWindow(range: Interval, head: { maxDaysInFuture: number }, now: number): Interval | null {
  const start = Math.max(range.start, now - MS_PER_DAY);
  const end = Math.min(range.end, now + (head.maxDaysInFuture + 1) * MS_PER_DAY);
  if (start >= end) return null;
  return { start: Math.floor(start / MS_PER_DAY) * MS_PER_DAY, end: Math.ceil(end / MS_PER_DAY) * MS_PER_DAY };
}

/** True while the horizon has not moved past what the entry's slots were computed for. */
export function stillCovers(reply: CachedReply, now: number): boolean {
  return Math.min(reply.range.end, now + reply.windowDays * MS_PER_DAY) <= reply.coveredUntil;
}
