import { blockedRangeOf, overlaps } from './intervals';
import { computeSlots } from './compute-slots';
import { bufferedRange, resolveSlotPolicy } from './slot-policy';
import { localDateOf } from './time';
import { validateSlot } from './validate-slot';
import type { BookedRange, Interval, OfferedSlot, ScheduleInput, SlotValidation } from './types';

// Group events: the seats already taken at one start of a seated meeting type form an occasion. A
// start with seats left stays on offer even though its occasion's time is booked; every other start
// (of this type or any other) treats the occasion as one busy booking, as the overlap constraint does.
// A group event's daily limit counts occasions: a day at its limit still fills the occasions it has.

interface Occasion<Booking extends BookedRange = BookedRange> {
  start: number;
  /** The union of its seats' blocked ranges (their buffers are snapshots and may differ). */
  blocked: Interval;
  taken: number;
  /** Its seats, as the caller passed them (the troubleshooter names them). */
  seats: Booking[];
}

/** The seats of this group event, grouped by start, and everything else that blocks time. */
function splitOccasions<Booking extends BookedRange>(input: { bookings: Booking[]; meetingType: ScheduleInput['meetingType'] }): { others: Booking[]; occasions: Occasion<Booking>[] } {
  const byStart = new Map<number, Occasion<Booking>>();
  const others: Booking[] = [];
  for (const booking of input.bookings) {
    if (!booking.seated || booking.meetingTypeId !== input.meetingType.id) {
      others.push(booking);
      continue;
    }
    const blocked = blockedRangeOf(booking);
    const occasion = byStart.get(booking.start);
    if (occasion === undefined) byStart.set(booking.start, { start: booking.start, blocked, taken: 1, seats: [booking] });
    else {
      occasion.taken++;
      occasion.seats.push(booking);
      occasion.blocked = { start: Math.min(occasion.blocked.start, blocked.start), end: Math.max(occasion.blocked.end, blocked.end) };
    }
  }
  return { others, occasions: [...byStart.values()].sort((a, b) => a.blocked.start - b.blocked.start) };
}

/**
 * Seats left for a start whose time is otherwise free: all of them when no occasion is in the way,
 * what its own occasion has left when only that one is, and 0 when another occasion overlaps.
 */
function seatsLeftAt(start: number, needed: Interval, occasions: readonly Occasion[], seats: number): number {
  let left = seats;
  for (const occasion of occasions) {
    if (occasion.blocked.start >= needed.end) break;
    if (!overlaps(occasion.blocked, needed)) continue;
    if (occasion.start !== start) return 0;
    left = seats - occasion.taken;
  }
  return Math.max(0, left);
}

const seatsOf = (input: Pick<ScheduleInput, 'meetingType'>): number | null => input.meetingType.seatsPerSlot ?? null;

/** Whether a new occasion at `start` would go over the daily limit (occasions per host-local date). */
function newOccasionOverLimit(input: Pick<ScheduleInput, 'meetingType' | 'timeZone'>, occasions: readonly Occasion[]): (start: number) => boolean {
  const limit = input.meetingType.maxBookingsPerDay;
  if (limit === null) return () => false;
  const perDay = new Map<string, number>();
  for (const occasion of occasions) {
    const day = localDateOf(occasion.start, input.timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const starts = new Set(occasions.map((occasion) => occasion.start));
  return (start) => !starts.has(start) && (perDay.get(localDateOf(start, input.timeZone)) ?? 0) >= limit;
}

/** computeSlots, seat-aware: a group event's starts carry `seatsLeft`; other types are unchanged. */
export function computeOfferedSlots(input: ScheduleInput, range: Interval): OfferedSlot[] {
  const seats = seatsOf(input);
  if (seats === null) return computeSlots(input, range);
  const { others, occasions } = splitOccasions(input);
  const policy = resolveSlotPolicy(input.meetingType, input.now);
  const overLimit = newOccasionOverLimit(input, occasions);
  const offered: OfferedSlot[] = [];
  for (const slot of computeSlots({ ...input, bookings: others }, range)) {
    if (overLimit(slot.start)) continue;
    const seatsLeft = seatsLeftAt(slot.start, bufferedRange(slot.start, policy), occasions, seats);
    if (seatsLeft > 0) offered.push({ ...slot, seatsLeft });
  }
  return offered;
}

/**
 * validateSlot, seat-aware: agrees with computeOfferedSlots. A group event's start whose own occasion
 * is full is `full`; one that overlaps another occasion is `busy`.
 */
export function validateOfferedSlot(input: ScheduleInput, start: number): SlotValidation & { seatsLeft?: number } {
  const seats = seatsOf(input);
  if (seats === null) return validateSlot(input, start);
  const { others, occasions } = splitOccasions(input);
  const verdict = validateSlot({ ...input, bookings: others }, start);
  if (!verdict.ok) return verdict;
  const needed = bufferedRange(start, resolveSlotPolicy(input.meetingType, input.now));
  const seatsLeft = seatsLeftAt(start, needed, occasions, seats);
  if (seatsLeft > 0) return newOccasionOverLimit(input, occasions)(start) ? { ok: false, reason: 'daily_limit' } : { ...verdict, seatsLeft };
  const ownOccasion = occasions.some((occasion) => occasion.start === start && overlaps(occasion.blocked, needed));
  const otherOccasion = occasions.some((occasion) => occasion.start !== start && overlaps(occasion.blocked, needed));
  return { ok: false, reason: ownOccasion && !otherOccasion ? 'full' : 'busy' };
}

/** What a group event's seats say about one start (`seats`: the occasion at that start, if any). */
export interface SeatsAtStart<Booking extends BookedRange> {
  seats: { taken: number; of: number } | null;
  /** Its own occasion has no seat left. */
  full: boolean;
  /** Seats of other occasions whose time this start would overlap. */
  inTheWay: Booking[];
  /** A new occasion here would go over the daily limit. */
  overLimit: boolean;
}

/**
 * The troubleshooter's view of the same seat step (explainSlots): null for an ordinary meeting type;
 * for a group event, the bookings that block as usual and, per start, what the seats say. A start is
 * offered by computeOfferedSlots exactly when `others` leave it free and its SeatsAtStart is clear
 * (not full, nothing in the way, not over the limit).
 */
export function explainSeats<Booking extends BookedRange>(
  input: Pick<ScheduleInput, 'meetingType' | 'timeZone'> & { bookings: Booking[] },
): { others: Booking[]; at: (start: number, needed: Interval) => SeatsAtStart<Booking> } | null {
  const seats = seatsOf(input);
  if (seats === null) return null;
  const { others, occasions } = splitOccasions(input);
  const overLimit = newOccasionOverLimit(input, occasions);
  return {
    others,
    at: (start, needed) => {
      const own = occasions.find((occasion) => occasion.start === start && overlaps(occasion.blocked, needed));
      const inTheWay = occasions.filter((occasion) => occasion.start !== start && overlaps(occasion.blocked, needed)).flatMap((occasion) => occasion.seats);
      // Agrees with seatsLeftAt: seats left only when no other occasion is in the way and its own is not full.
      return { seats: own ? { taken: own.taken, of: seats } : null, full: own !== undefined && own.taken >= seats, inTheWay, overLimit: overLimit(start) };
    },
  };
}
