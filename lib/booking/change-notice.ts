// The invitee's cut-off for changes as plain arithmetic and words: no I/O, so the manage pages in the
// browser say exactly what the API enforces (change-rules.ts).

const MINUTE_MS = 60_000;

/** The last instant an invitee may cancel or reschedule a meeting starting at `start` (epoch ms). */
export function changeDeadline(start: number, minChangeNoticeMinutes: number): number {
  return start - minChangeNoticeMinutes * MINUTE_MS;
}

/** "24 hours", "3 days", "1 hour", "90 minutes". */
export function describeNotice(minutes: number): string {
  const hours = minutes / 60;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  if (minutes % 60 === 0) return hours === 1 ? '1 hour' : `${hours} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
