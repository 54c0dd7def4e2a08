import type { Transaction } from '@/db/client';
import { loadMeetingTypeSchedule, type MeetingTypeSchedule, scheduleInput } from '@/lib/availability/load-schedule';
import { staleCalendars } from '@/lib/calendars/stale-calendars';
import { AppError, notFound } from '@/lib/errors';
import { type Interval, MS_PER_DAY, type SlotRejection, validateOfferedSlot } from '@/lib/scheduling';

// Shown = enforced: the transaction re-checks a requested start with the same engine and the same
// loaders that produced the slots an invitee saw, on data read under the host row lock.


const rejectionMessages: Record<SlotRejection, string> = {
  too_soon: 'That time is too soon to book.',
  too_far: 'That time is too far in the future to book.',
  outside_hours: 'That time is outside the host’s available hours.',
  off_grid: 'That is not one of the offered start times.',
  busy: 'That time is no longer available.',
  daily_limit: 'The host has no more openings for this meeting on that day.',
  full: 'Every seat at that time is taken.',
};

export async function assertBookableSlot(
  tx: Transaction,
  meetingTypeId: string,
  start: number,
  now: number,
  /** A rescheduled booking's own range: its calendar event does not count against the move. */
  ownRange?: Interval,
  /** The meeting type's host, when the caller knows it: the stale-calendar read then shares the schedule's round trip. */
  hostUserId?: string,
  /** A team type: check the slot against this member's own hours, bookings and calendars (`hostUserId` is then the member). */
  teamMember?: { member: string },
): Promise<{ schedule: MeetingTypeSchedule; slot: Interval }> {
  const around = { start: start - MS_PER_DAY, end: start + MS_PER_DAY };
  const [schedule, staleOfHost] = await Promise.all([loadMeetingTypeSchedule(tx, meetingTypeId, around, teamMember ? { member: teamMember.member } : {}), hostUserId ? staleCalendars(tx, hostUserId, now) : undefined]);
  if (!schedule || !schedule.isActive) throw notFound('Meeting type');
  // Seat-aware: the seats of a group event are counted here, under the host lock, so a storm ends in exactly N.
  const verdict = validateOfferedSlot(scheduleInput(schedule, schedule.policy, now), start);
  if (!verdict.ok) {
    throw new AppError(verdict.reason === 'full' ? 'slot_taken' : 'slot_unavailable', rejectionMessages[verdict.reason], { details: { reason: verdict.reason } });
  }
  // Stale calendar data: ask the calendars about this one range before committing (bounded).
  const blocked = { start: verdict.slot.start - schedule.policy.bufferBeforeMinutes * 60_000, end: verdict.slot.end + schedule.policy.bufferAfterMinutes * 60_000 };
  const stale = schedule.hostUserId === hostUserId && staleOfHost ? staleOfHost : await staleCalendars(tx, schedule.hostUserId, now);
  if (stale.length > 0) {
    // Loaded only when needed: it holds provider code and tokens (server-only).
    const { liveBusyOverlaps } = await import('@/lib/calendars/live-check');
    // A seat joining an occasion: that occasion's event on the host's calendar is ours too.
    const joining = verdict.seatsLeft !== undefined && verdict.seatsLeft < (schedule.policy.seatsPerSlot ?? 0);
    if (await liveBusyOverlaps(schedule.hostUserId, stale, blocked, { now, ignore: joining ? verdict.slot : ownRange })) {
      throw new AppError('slot_unavailable', rejectionMessages.busy, { details: { reason: 'busy' } });
    }
  }
  return { schedule, slot: verdict.slot };
}
