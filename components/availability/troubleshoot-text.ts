import type { TroubleshootReason } from '@/lib/availability/troubleshoot';

// The troubleshooter's words: one sentence per reason, times on the host's wall clock (24-hour).

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "09:30" on the wall clock of timeZone. */
export function wallClock(instant: Date, timeZone: string): string {
  let formatter = clocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

const span = (start: Date, end: Date, timeZone: string) => `${wallClock(start, timeZone)}–${wallClock(end, timeZone)}`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function reasonText(reason: TroubleshootReason, timeZone: string): string {
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
      return `Booked: ${reason.inviteeName}, ${span(reason.start, reason.end, timeZone)}.`;
    case 'booking_buffer':
      return `Buffer around the booking with ${reason.inviteeName} (${span(reason.start, reason.end, timeZone)}).`;
    case 'busy':
      return `Busy on ${reason.calendarName}: event at ${span(reason.start, reason.end, timeZone)}.`;
    case 'daily_limit':
      return `Daily limit reached: ${plural(reason.limit, 'booking')} of this meeting type on this day.`;
  }
}
