import type { TroubleshootReason } from '@/lib/availability/troubleshoot';
import { formatClock, type HourCycle } from '@/lib/hosts/host-clock';

// The troubleshooter's words: one sentence per reason, times on the host's wall clock and clock.

const span = (start: Date, end: Date, timeZone: string, cycle: HourCycle) => `${formatClock(start, timeZone, cycle)}–${formatClock(end, timeZone, cycle)}`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function reasonText(reason: TroubleshootReason, timeZone: string, cycle: HourCycle): string {
  switch (reason.kind) {
    case 'minimum_notice':
      return `Too soon: the meeting type needs ${plural(reason.minutes, 'minute')} of notice.`;
    case 'booking_window':
      return `Too far ahead: invitees can book at most ${plural(reason.days, 'day')} ahead.`;
    case 'outside_weekly_hours':
      return 'Outside your weekly hours (the meeting and its buffers must fit inside them).';
    case 'date_override':
      return 'Outside the hours of your date override for this day.';
    case 'booking':
      return reason.awaitingApproval
        ? `Requested, awaiting your approval: ${reason.inviteeName}, ${span(reason.start, reason.end, timeZone, cycle)}.`
        : `Booked: ${reason.inviteeName}, ${span(reason.start, reason.end, timeZone, cycle)}.`;
    case 'booking_buffer':
      return reason.awaitingApproval
        ? `Buffer around the request from ${reason.inviteeName} awaiting your approval (${span(reason.start, reason.end, timeZone, cycle)}).`
        : `Buffer around the booking with ${reason.inviteeName} (${span(reason.start, reason.end, timeZone, cycle)}).`;
    case 'busy':
      return `Busy on ${reason.calendarName}: event at ${span(reason.start, reason.end, timeZone, cycle)}.`;
    case 'daily_limit':
      return `Daily limit reached: ${plural(reason.limit, 'booking')} of this meeting type on this day.`;
    case 'full':
      return `Full: ${seatsText({ taken: reason.taken, of: reason.seats })}`;
  }
}

/** A group event's start that already has invitees. */
export function seatsText(seats: { taken: number; of: number }): string {
  return `${seats.taken} of ${plural(seats.of, 'seat')} taken.`;
}
