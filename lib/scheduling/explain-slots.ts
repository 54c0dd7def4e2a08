import { MS_PER_DAY, parseLocalDate } from './calendar-date';
import { dailyLimitCheck } from './daily-limit';
import { blockedRangeOf, overlaps } from './intervals';
import { explainSeats } from './seats';
import { bufferedRange, resolveSlotPolicy, type SlotPolicy } from './slot-policy';
import { availabilityByDay, type DayAvailability } from './windows';
import { createZoneClock } from './zone-offsets';
import type { BookedRange, Interval, ScheduleInput } from './types';

// The troubleshooter's engine: every candidate start of one host-local date and why it is or is not
// offered, from the same policy, windows, blocked ranges and daily limit as computeSlots. A separate
// function, so the normal path pays nothing for it; properties.test.ts checks that the two agree.
// A group event goes through the same seat step as computeOfferedSlots (seats.ts): a start whose own
// occasion has seats left is offered with its seats taken; seats.test.ts checks that the two agree.

/** Why a candidate is not offered. Busy and booking reasons carry the caller's own item back. */
export type SlotObstacle<Busy extends Interval, Booking extends BookedRange> =
  | { kind: 'minimum_notice' }
  | { kind: 'booking_window' }
  | { kind: 'outside_weekly_hours' }
  | { kind: 'date_override' }
  | { kind: 'booking'; booking: Booking }
  | { kind: 'booking_buffer'; booking: Booking }
  | { kind: 'busy'; busy: Busy }
  | { kind: 'daily_limit' }
  /** A group event's occasion at this start has no seat left. */
  | { kind: 'full'; taken: number; seats: number };

export interface ExplainedStart<Busy extends Interval, Booking extends BookedRange> {
  start: number;
  end: number;
  /** Empty exactly when computeSlots (computeOfferedSlots for a group event) offers this start. */
  obstacles: SlotObstacle<Busy, Booking>[];
  /** A group event's start that already has an occasion: its seats taken, of how many. */
  seats?: { taken: number; of: number };
}

export interface ExplainInput<Busy extends Interval, Booking extends BookedRange> extends ScheduleInput {
  busy: Busy[];
  bookings: Booking[];
}

/**
 * Candidates of `date` (host-local "YYYY-MM-DD"), ascending: each window's grid (computeSlots'
 * candidates) and, outside the windows, the grid from local midnight, so closed hours are listed too.
 */
export function explainSlots<Busy extends Interval, Booking extends BookedRange>(
  input: ExplainInput<Busy, Booking>,
  date: string,
): { span: Interval; starts: ExplainedStart<Busy, Booking>[] } {
  const policy = resolveSlotPolicy(input.meetingType, input.now);
  const clock = createZoneClock(input.timeZone);
  const dayNumber = parseLocalDate(date);
  const around = { start: clock.wallTimeToInstant(dayNumber * MS_PER_DAY), end: clock.wallTimeToInstant((dayNumber + 1) * MS_PER_DAY) };
  const day = availabilityByDay(input, clock, around).find((candidate) => candidate.dayNumber === dayNumber);
  if (!day) return { span: around, starts: [] };

  const overridden = input.overrides.some((override) => override.date === date);
  const reach = { start: day.span.start - policy.bufferBeforeMs, end: day.span.end + policy.durationMs + policy.bufferAfterMs };
  // A group event's own seats are judged by the seat step; everything else blocks as usual.
  const seated = explainSeats(input);
  const blocking = seated ? seated.others : input.bookings;
  const busy = input.busy.filter((item) => overlaps(item, reach));
  const bookings = blocking.filter((booking) => overlaps(blockedRangeOf(booking), reach));
  const dayIsFull = dailyLimitCheck(blocking, policy)(day.span);

  const starts = candidateStarts(day, policy.stepMs).map((start): ExplainedStart<Busy, Booking> => {
    const obstacles: SlotObstacle<Busy, Booking>[] = [];
    if (!(start >= policy.earliestStart)) obstacles.push({ kind: 'minimum_notice' });
    if (!(start < policy.startsBefore)) obstacles.push({ kind: 'booking_window' });
    const needed = bufferedRange(start, policy);
    if (!day.windows.some((window) => window.start <= needed.start && needed.end <= window.end)) {
      obstacles.push({ kind: overridden ? 'date_override' : 'outside_weekly_hours' });
      return { start, end: start + policy.durationMs, obstacles };
    }
    obstacles.push(...blockers(start, needed, policy, busy, bookings));
    const seats = seated?.at(start, needed);
    const occasion = seats?.seats;
    if (seats) obstacles.push(...blockers<Busy, Booking>(start, needed, policy, [], seats.inTheWay));
    if (seats?.full && occasion) obstacles.push({ kind: 'full', taken: occasion.taken, seats: occasion.of });
    if (dayIsFull || seats?.overLimit) obstacles.push({ kind: 'daily_limit' });
    return { start, end: start + policy.durationMs, obstacles, ...(occasion ? { seats: occasion } : {}) };
  });
  return { span: day.span, starts };
}

function blockers<Busy extends Interval, Booking extends BookedRange>(start: number, needed: Interval, policy: SlotPolicy, busy: Busy[], bookings: Booking[]): SlotObstacle<Busy, Booking>[] {
  const meeting = { start, end: start + policy.durationMs };
  const found: SlotObstacle<Busy, Booking>[] = [];
  for (const booking of bookings) {
    if (!overlaps(blockedRangeOf(booking), needed)) continue;
    // The meetings themselves overlap, or only a buffer (theirs or ours) is in the way.
    found.push({ kind: overlaps(booking, meeting) ? 'booking' : 'booking_buffer', booking });
  }
  for (const item of busy) if (overlaps(item, needed)) found.push({ kind: 'busy', busy: item });
  return found;
}

/** Each window's grid, plus the midnight-anchored grid wherever no window is. */
function candidateStarts(day: DayAvailability, stepMs: number): number[] {
  const starts: number[] = [];
  for (const window of day.windows) {
    for (let start = window.start; start < window.end; start += stepMs) starts.push(start);
  }
  for (let start = day.span.start; start < day.span.end; start += stepMs) {
    if (!day.windows.some((window) => window.start <= start && start < window.end)) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}
