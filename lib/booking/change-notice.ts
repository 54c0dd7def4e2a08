// The invitee's cut-off for changes as plain arithmetic and words: no I/O, so the manage pages in the
// browser say exactly what the API enforces (change-rules.ts).

const MINUTE_MS = 60_000;

/** The last instant an invitee may cancel or reschedule a meeting starting at `start` (epoch ms). */
export function changeDeadline(start: number, minChangeNoticeMinutes: number): number {
  return start - minChangeNoticeMinutes * MINUTE_MS;
}

/** A cut-off in the largest whole unit: 2880 → 2 days, 1440 → 24 hours, 90 → 90 minutes (words in any language). */
export function noticeParts(minutes: number): { unit: 'days' | 'hours' | 'minutes'; count: number } {
  const hours = minutes / 60;
  if (hours >= 48 && hours % 24 === 0) return { unit: 'days', count: hours / 24 };
  if (minutes % 60 === 0) return { unit: 'hours', count: hours };
  return { unit: 'minutes', count: minutes };
}

/** "24 hours", "3 days", "1 hour", "90 minutes". */
export function describeNotice(minutes: number): string {
  const { unit, count } = noticeParts(minutes);
  return `${count} ${count === 1 ? unit.slice(0, -1) : unit}`;
}
