import { dailyLimitCheck } from './daily-limit';
import { BlockedRangeCursor, mergeBlockedRanges } from './intervals';
import { resolveSlotPolicy, type SlotPolicy } from './slot-policy';
import { availabilityByDay } from './windows';
import { createZoneClock } from './zone-offsets';
import type { Interval, ScheduleInput } from './types';

/**
 * Bookable slots whose start lies in `range`, ascending. A candidate start sits on its window's
 * grid (window start + k × interval); it is a slot when the meeting plus its buffers fits inside
 * the window and overlaps no busy event or booking, notice and horizon allow it, and its host-local
 * date is under the meeting type's daily limit.
 *
 * Blocked ranges are sorted once and then swept forward alongside the ascending candidates, and a
 * blocked candidate jumps straight past the blocker: O((windows + busy) log busy + slots).
 */
export function computeSlots(input: ScheduleInput, range: Interval): Interval[] {
  const policy = resolveSlotPolicy(input.meetingType, input.now);
  const starts = {
    start: Math.max(range.start, policy.earliestStart),
    end: Math.min(range.end, policy.startsBefore),
  };
  if (!(starts.end > starts.start)) return [];

  const days = availabilityByDay(input, createZoneClock(input.timeZone), starts);
  const reach = { start: starts.start - policy.bufferBeforeMs, end: starts.end + policy.durationMs + policy.bufferAfterMs };
  const cursor = new BlockedRangeCursor(mergeBlockedRanges(input.busy, input.bookings, reach));
  const dayIsFull = dailyLimitCheck(input.bookings, policy);

  // Days are in order and each day's windows are sorted and disjoint, so candidates only ascend.
  const slots: Interval[] = [];
  for (const day of days) {
    if (day.windows.length === 0 || dayIsFull(day.span)) continue;
    for (const window of day.windows) collectWindowSlots(window, starts, policy, cursor, slots);
  }
  return slots;
}

function collectWindowSlots(window: Interval, starts: Interval, policy: SlotPolicy, cursor: BlockedRangeCursor, slots: Interval[]): void {
  const { stepMs, durationMs, bufferBeforeMs, bufferAfterMs } = policy;
  const firstStepAtOrAfter = (instant: number): number => Math.ceil((instant - window.start) / stepMs);
  // The first grid points may be unusable: the buffer before a slot must also fit in the window.
  let step = Math.max(0, firstStepAtOrAfter(window.start + bufferBeforeMs), firstStepAtOrAfter(starts.start));
  for (;;) {
    const start = window.start + step * stepMs;
    const bufferedEnd = start + durationMs + bufferAfterMs;
    if (start >= starts.end || bufferedEnd > window.end) return;
    const blockedUntil = cursor.blockedUntil(start - bufferBeforeMs, bufferedEnd);
    if (blockedUntil === undefined) {
      slots.push({ start, end: start + durationMs });
      step++;
    } else {
      step = Math.max(step + 1, firstStepAtOrAfter(blockedUntil + bufferBeforeMs));
    }
  }
}
