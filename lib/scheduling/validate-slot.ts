import { dailyLimitCheck } from './daily-limit';
import { blockedRangeOf, overlaps } from './intervals';
import { bufferedRange, resolveSlotPolicy } from './slot-policy';
import { availabilityByDay, type DayAvailability } from './windows';
import { createZoneClock } from './zone-offsets';
import type { Interval, ScheduleInput, SlotRejection, SlotValidation } from './types';

/**
 * Checks one requested start by recomputing availability around it (never trust a slot the client
 * sends back). Agrees exactly with computeSlots; on failure gives the first reason, in this order:
 * too_soon, too_far, outside_hours, off_grid, busy, daily_limit.
 */
export function validateSlot(input: ScheduleInput, start: number): SlotValidation {
  const policy = resolveSlotPolicy(input.meetingType, input.now);
  if (!(start >= policy.earliestStart)) return rejected('too_soon');
  if (!(start < policy.startsBefore)) return rejected('too_far');

  const needed = bufferedRange(start, policy);
  const days = availabilityByDay(input, createZoneClock(input.timeZone), { start, end: start + 1 });
  const placement = findContainingWindow(days, needed);
  if (placement === undefined) return rejected('outside_hours');
  if ((start - placement.window.start) % policy.stepMs !== 0) return rejected('off_grid');

  const isBlocked =
    input.busy.some((busy) => overlaps(busy, needed)) || input.bookings.some((booking) => overlaps(blockedRangeOf(booking), needed));
  if (isBlocked) return rejected('busy');
  if (dailyLimitCheck(input.bookings, policy)(placement.day.span)) return rejected('daily_limit');
  return { ok: true, slot: { start, end: start + policy.durationMs } };
}

function findContainingWindow(days: DayAvailability[], needed: Interval): { day: DayAvailability; window: Interval } | undefined {
  for (const day of days) {
    const window = day.windows.find((candidate) => candidate.start <= needed.start && needed.end <= candidate.end);
    if (window !== undefined) return { day, window };
  }
  return undefined;
}

function rejected(reason: SlotRejection): SlotValidation {
  return { ok: false, reason };
}
