import { MS_PER_MINUTE } from './calendar-date';
import type { BookedRange, Interval } from './types';

/** Sorted, disjoint, non-adjacent ranges; starts[i] < ends[i] < starts[i + 1]. */
export interface MergedRanges {
  starts: Float64Array;
  ends: Float64Array;
}

/** The time a confirmed booking keeps others out of: the meeting plus its own buffers. */
export function blockedRangeOf(booking: BookedRange): Interval {
  return {
    start: booking.start - booking.bufferBeforeMinutes * MS_PER_MINUTE,
    end: booking.end + booking.bufferAfterMinutes * MS_PER_MINUTE,
  };
}

/** True when two non-empty half-open intervals share an instant; empty or inverted ones never do. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

/**
 * Unions busy events and bookings' blocked ranges that overlap `within` (others cannot matter).
 * When each list comes in ascending order of (blocked) start, as the schedule loader sends them, the
 * two runs are merged and swept in one pass. Otherwise starts and ends are sorted separately as typed
 * arrays: for non-empty intervals the union is wherever more starts than ends have been passed. (A
 * typed array's sort costs about half a microsecond per element in V8, the largest part of a cold
 * request's engine time before the fast path.)
 */
export function mergeBlockedRanges(busy: readonly Interval[], bookings: readonly BookedRange[], within: Interval): MergedRanges {
  const starts = new Float64Array(busy.length + bookings.length);
  const ends = new Float64Array(busy.length + bookings.length);
  let count = 0;
  let ascending = true;
  let previousStart = -Infinity;
  const keep = (start: number, end: number): void => {
    if (end > start && end > within.start && start < within.end) {
      if (start < previousStart) ascending = false;
      previousStart = start;
      starts[count] = start;
      ends[count] = end;
      count++;
    }
  };
  for (const range of busy) keep(range.start, range.end);
  const busyCount = count;
  previousStart = -Infinity; // each list needs to be in order, not the two together
  // Same arithmetic as blockedRangeOf, without allocating a range per booking.
  for (const booking of bookings) {
    keep(booking.start - booking.bufferBeforeMinutes * MS_PER_MINUTE, booking.end + booking.bufferAfterMinutes * MS_PER_MINUTE);
  }
  if (ascending) return unionOfAscendingRuns(starts, ends, busyCount, count);
  return unionOfSorted(starts.subarray(0, count).sort(), ends.subarray(0, count).sort());
}

/**
 * The union of [0, split) and [split, count), each ascending by start: a two-way merge by start,
 * then a sweep that joins every range starting at or before the open one's end (touching joins).
 */
function unionOfAscendingRuns(starts: Float64Array, ends: Float64Array, split: number, count: number): MergedRanges {
  const mergedStarts = new Float64Array(count);
  const mergedEnds = new Float64Array(count);
  let merged = 0;
  let openStart = 0;
  let openEnd = -Infinity;
  let a = 0;
  let b = split;
  while (a < split || b < count) {
    const fromA = b >= count || (a < split && starts[a]! <= starts[b]!);
    const index = fromA ? a++ : b++;
    const start = starts[index]!;
    const end = ends[index]!;
    if (start > openEnd) {
      if (openEnd !== -Infinity) {
        mergedStarts[merged] = openStart;
        mergedEnds[merged++] = openEnd;
      }
      openStart = start;
      openEnd = end;
    } else if (end > openEnd) openEnd = end;
  }
  if (openEnd !== -Infinity) {
    mergedStarts[merged] = openStart;
    mergedEnds[merged++] = openEnd;
  }
  return { starts: mergedStarts.subarray(0, merged), ends: mergedEnds.subarray(0, merged) };
}

function unionOfSorted(starts: Float64Array, ends: Float64Array): MergedRanges {
  const mergedStarts = new Float64Array(starts.length);
  const mergedEnds = new Float64Array(starts.length);
  let merged = 0;
  let open = 0;
  let openedAt = 0;
  let nextEnd = 0;
  for (const start of starts) {
    // Close every range that ends strictly before this start; touching ranges stay joined.
    for (let end = ends[nextEnd]; end !== undefined && end < start; end = ends[nextEnd]) {
      nextEnd++;
      if (--open === 0) {
        mergedStarts[merged] = openedAt;
        mergedEnds[merged++] = end;
      }
    }
    if (open++ === 0) openedAt = start;
  }
  if (open > 0) {
    // Whatever is still open closes at the largest end.
    mergedStarts[merged] = openedAt;
    mergedEnds[merged++] = ends[ends.length - 1] ?? openedAt;
  }
  return { starts: mergedStarts.subarray(0, merged), ends: mergedEnds.subarray(0, merged) };
}

/** Walks merged ranges forward; queries must come with non-decreasing starts. */
export class BlockedRangeCursor {
  private index = 0;

  constructor(private readonly ranges: MergedRanges) {}

  /** The end of the blocked range that overlaps [start, end), or undefined when [start, end) is free. */
  blockedUntil(start: number, end: number): number | undefined {
    const { starts, ends } = this.ranges;
    while ((ends[this.index] ?? Infinity) <= start) this.index++;
    const blockStart = starts[this.index];
    return blockStart !== undefined && blockStart < end ? ends[this.index] : undefined;
  }
}
