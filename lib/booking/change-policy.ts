import { bestUnit, type DurationUnit } from '@/lib/duration-units';

// The invitee's cut-off for changes, worked out and put into words in one place: no I/O, so the
// booking page, the manage pages (in the browser), the emails and the .ics all say what the API
// enforces (change-rules.ts). Every invitee-facing sentence about changes is here, in English.

const MINUTE_MS = 60_000;

/** The last instant an invitee may cancel or reschedule a meeting starting at `start` (epoch ms). */
export function changeDeadline(start: number, minChangeNoticeMinutes: number): number {
  return start - minChangeNoticeMinutes * MINUTE_MS;
}

const unitWords: Record<DurationUnit, [one: string, many: string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

/**
 * The one way a duration is written: "7 days", "12 hours", "90 minutes", "1 hour", in the largest
 * unit that holds it whole — the unit the meeting type form picks for the same value.
 */
export function formatDuration(minutes: number): string {
  const { amount, unit } = bestUnit(minutes, ['minutes', 'hours', 'days']);
  const [one, many] = unitWords[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** The same as a modifier: "45-minute", "1-hour", "7-day" (as in "a 15-minute buffer"). */
export function formatDurationAdjective(minutes: number): string {
  const { amount, unit } = bestUnit(minutes, ['minutes', 'hours', 'days']);
  return `${amount}-${unitWords[unit][0]}`;
}

/** A unit's name for a form's unit picker ("minutes"). */
export function unitName(unit: DurationUnit): string {
  return unitWords[unit][1];
}

export interface ChangePolicy {
  noticeMinutes: number;
  /** The real instant online changes closed (epoch ms): the start less the notice, or the moment of booking when that was later. */
  closesAt: number;
  /** The booking was made inside its cut-off: it could never be changed online. */
  closedWhenBooked: boolean;
  /** Changes are still possible online at `now` (the cut-off ahead and the meeting not started). */
  open: boolean;
}

export function changePolicy(input: { start: number; noticeMinutes: number; bookedAt: number; now: number }): ChangePolicy {
  const deadline = changeDeadline(input.start, input.noticeMinutes);
  const closedWhenBooked = input.bookedAt > deadline;
  return {
    noticeMinutes: input.noticeMinutes,
    closesAt: closedWhenBooked ? input.bookedAt : deadline,
    closedWhenBooked,
    open: input.now <= deadline && input.now < input.start,
  };
}

/** "You can reschedule or cancel until 7 days before the meeting." — the policy, stated up front. */
export function policySentence(noticeMinutes: number): string {
  if (noticeMinutes === 0) return 'You can reschedule or cancel until the meeting starts.';
  return `You can reschedule or cancel until ${formatDuration(noticeMinutes)} before the meeting.`;
}

/**
 * Why this booking cannot be changed online any more. `closedAt` is `policy.closesAt` already written
 * in the invitee's zone; `started` when the meeting has begun.
 */
export function changesClosedSentence(policy: ChangePolicy, closedAt: string, started = false): string {
  if (started || policy.noticeMinutes === 0) return 'This meeting has already started and can no longer be changed.';
  const notice = formatDuration(policy.noticeMinutes);
  if (policy.closedWhenBooked) return `This booking was made less than ${notice} before the meeting, so it can’t be changed online (changes close ${notice} before).`;
  return `Online changes closed on ${closedAt}, ${notice} before the meeting.`;
}

/** The same, without a date: for an email or calendar entry, read later than it is written. */
export function changesClosedNote(noticeMinutes: number): string {
  return `This booking can’t be changed online: changes close ${formatDuration(noticeMinutes)} before the meeting.`;
}

/** How to reach the host instead; `where` is what the invitee is reading. */
export function reachHostSentence(hostName: string, where: 'email' | 'page'): string {
  return where === 'email'
    ? `To change it, reply to this email to reach ${hostName}.`
    : `To change it, reply to your confirmation email to reach ${hostName}.`;
}

/** The label of the host's own contact line ("Contact: call 020 7946 0000"). */
export const CONTACT_LABEL = 'Contact';

/** "You can reschedule or cancel until Tue, Jan 12, 9:00 AM.", the deadline written in the invitee’s zone. */
export function deadlineSentence(deadline: string): string {
  return `You can reschedule or cancel until ${deadline}.`;
}

/**
 * The change policy as lines for a calendar entry or an email: the policy while changes are open,
 * else why they are closed and how to reach the host (their reply-to, and their contact line).
 */
export function inviteChangeLines(input: { open: boolean; noticeMinutes: number; hostName: string; contactLine: string | null; where: 'email' | 'page' }): string[] {
  if (input.open) return [policySentence(input.noticeMinutes)];
  return [changesClosedNote(input.noticeMinutes), reachHostSentence(input.hostName, input.where), ...(input.contactLine ? [`${CONTACT_LABEL}: ${input.contactLine}`] : [])];
}
