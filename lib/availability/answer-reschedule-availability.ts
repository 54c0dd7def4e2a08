import { notFound } from '@/lib/errors';
import { parseWith } from '@/lib/http';
import { computeOfferedSlots, type Interval, localDateRangeToInterval } from '@/lib/scheduling';
import { type AvailabilityDeps, answerAvailability } from './answer-availability';
import { loadMeetingTypeSchedule, scheduleInput } from './load-schedule';
import { findHostMovingBooking, findMovingBooking } from './moving-booking';
import { availabilityReplyBody } from './reply-body';
import { etagOf } from './reply-cache';
import { availabilityQuerySchema, assertRangeWithinBounds } from './schemas';
import { SlotList } from './slot-list';

// Availability for a reschedule link: the booking being moved counts as free, so a 60-minute meeting
// can move by 30 minutes. These replies are about one booking: they never touch the reply cache or the
// shared slot entries (the token is never a cache key), and the route sends them `private, no-store`.
// A token that opens no booking of this meeting type gets exactly the reply a request without one gets.

/** The engine's bookings without the one being moved (exact times: confirmed bookings of a host never overlap). */
/** Leaves out the moving booking: one entry only, since a group event's seats share one range. */
function withoutBooking<T extends Interval>(bookings: T[], moving: Interval): T[] {
  const index = bookings.findIndex((booking) => booking.start === moving.start && booking.end === moving.end);
  return index < 0 ? bookings : bookings.filter((_, i) => i !== index);
}

export async function answerRescheduleAvailability(
  deps: AvailabilityDeps,
  search: string,
  rescheduleToken: string,
  now: number,
): Promise<{ body: Uint8Array; etag: string }> {
  // The same checks, in the same order, as a request without a token: bad input fails the same way.
  const { query, range } = parseMovingQuery(search, now);
  const moving = await findMovingBooking(deps.database, query.meetingTypeId, rescheduleToken, now);
  if (!moving) return answerAvailability(deps, search, now);
  // A team's type: single-host only for now, so the moving booking still counts (the tokenless answer).
  return (await answerWithout(deps, query, range, moving, now)) ?? answerAvailability(deps, search, now);
}

/**
 * The same answer for the host moving their own booking on the invitee's behalf (the dashboard):
 * the booking is found by id and owner instead of a token; another host's booking, one that is not
 * confirmed, has started or is not of this meeting type is a 404.
 */
export async function answerHostRescheduleAvailability(
  deps: AvailabilityDeps,
  search: string,
  owner: { hostUserId: string; bookingId: string },
  now: number,
): Promise<{ body: Uint8Array; etag: string }> {
  const { query, range } = parseMovingQuery(search, now);
  const moving = await findHostMovingBooking(deps.database, query.meetingTypeId, owner, now);
  if (!moving) throw notFound('Booking');
  const answer = await answerWithout(deps, query, range, moving, now);
  if (!answer) throw notFound('Meeting type');
  return answer;
}

function parseMovingQuery(search: string, now: number) {
  const query = parseWith(availabilityQuerySchema, Object.fromEntries(new URLSearchParams(search)), 'query parameters');
  const range = localDateRangeToInterval(query.start, query.end, query.timezone);
  assertRangeWithinBounds(range, now);
  return { query, range };
}

async function answerWithout(
  deps: AvailabilityDeps,
  query: { meetingTypeId: string; timezone: string },
  range: Interval,
  moving: Interval,
  now: number,
): Promise<{ body: Uint8Array; etag: string } | null> {
  const schedule = await loadMeetingTypeSchedule(deps.database, query.meetingTypeId, range);
  if (!schedule) return null; // not a host's meeting type (a team's)
  if (!schedule.isActive) throw notFound('Meeting type');
  const input = scheduleInput({ ...schedule, bookings: withoutBooking(schedule.bookings, moving) }, schedule.policy, now);
  const slots = SlotList.fromPairs(SlotList.tuplesOf(computeOfferedSlots(input, range)));
  const body = availabilityReplyBody({ meetingTypeId: query.meetingTypeId, timezone: query.timezone }, slots);
  return { body, etag: etagOf(body) };
}
