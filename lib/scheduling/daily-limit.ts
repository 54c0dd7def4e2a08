import type { BookedRange, Interval } from './types';
import type { SlotPolicy } from './slot-policy';

/** Whether a host-local date (given as its span of instants) already has its quota of bookings. */
export type DayIsFull = (daySpan: Interval) => boolean;

/** Only bookings of the same meeting type count toward that type's maxBookingsPerDay. */
export function dailyLimitCheck(bookings: readonly BookedRange[], policy: SlotPolicy): DayIsFull {
  const limit = policy.maxBookingsPerDay;
  if (limit === null) return () => false;
  const starts = new Float64Array(bookings.length);
  let count = 0;
  for (const booking of bookings) {
    if (booking.meetingTypeId === policy.meetingTypeId) starts[count++] = booking.start;
  }
  const sortedStarts = starts.subarray(0, count).sort();
  return (daySpan) => countBefore(sortedStarts, daySpan.end) - countBefore(sortedStarts, daySpan.start) >= limit;
}

/** How many sorted values are < bound (binary search). */
function countBefore(sorted: Float64Array, bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}
