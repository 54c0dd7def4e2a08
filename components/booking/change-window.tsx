import { describeNotice } from '@/lib/booking/change-notice';
import type { ChangeWindow } from '@/lib/booking/managed-booking';
import { formatShortDateTime } from './format-time';
import styles from './meeting-summary.module.css';

// Until when an invitee may cancel or reschedule, in their own zone, as the API enforces it.

/** "You can cancel or reschedule until Tue, Jan 12, 9:00 AM." while a cut-off applies and is ahead. */
export function ChangeDeadline({ changeWindow, timeZone }: { changeWindow: ChangeWindow; timeZone: string }) {
  if (!changeWindow.open || changeWindow.noticeMinutes === 0) return null;
  return (
    <p className={styles.deadline} data-testid="change-deadline">
      You can cancel or reschedule until <time dateTime={changeWindow.deadline}>{formatShortDateTime(changeWindow.deadline, timeZone)}</time>.
    </p>
  );
}

/** Why the invitee can no longer change the booking online, or null while they still can. */
export function changesClosedReason(changeWindow: ChangeWindow, timeZone: string, hostName: string): string | null {
  if (changeWindow.open) return null;
  if (changeWindow.noticeMinutes === 0) return 'This meeting has already started and can no longer be changed.';
  // With the year: a long cut-off can have closed in an earlier year than the meeting.
  const when = formatShortDateTime(changeWindow.deadline, timeZone, { withYear: true });
  return `Online changes closed on ${when}, ${describeNotice(changeWindow.noticeMinutes)} before the meeting. Please contact ${hostName} if you need to change it.`;
}
