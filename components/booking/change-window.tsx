import { useLocale, useTranslations } from 'next-intl';
import { noticeParts } from '@/lib/booking/change-notice';
import type { ChangeWindow } from '@/lib/booking/managed-booking';
import { formatShortDateTime } from './format-time';
import styles from './meeting-summary.module.css';

// Until when an invitee may cancel or reschedule, in their own zone and language, as the API enforces it.

/** "You can cancel or reschedule until Tue, Jan 12, 9:00 AM." while a cut-off applies and is ahead. */
export function ChangeDeadline({ changeWindow, timeZone }: { changeWindow: ChangeWindow; timeZone: string }) {
  const t = useTranslations('invitee.manage');
  const locale = useLocale();
  if (!changeWindow.open || changeWindow.noticeMinutes === 0) return null;
  return (
    <p className={styles.deadline} data-testid="change-deadline">
      {t.rich('deadline', {
        deadline: formatShortDateTime(changeWindow.deadline, timeZone, { locale }),
        time: (chunks) => <time dateTime={changeWindow.deadline}>{chunks}</time>,
      })}
    </p>
  );
}

/** Why the invitee can no longer change the booking online, or null while they still can. */
export function useChangesClosedReason() {
  const t = useTranslations('invitee');
  const locale = useLocale();
  return (changeWindow: ChangeWindow, timeZone: string, hostName: string): string | null => {
    if (changeWindow.open) return null;
    if (changeWindow.noticeMinutes === 0) return t('manage.started');
    // With the year: a long cut-off can have closed in an earlier year than the meeting.
    const deadline = formatShortDateTime(changeWindow.deadline, timeZone, { withYear: true, locale });
    return t('manage.closed', { deadline, notice: t('notice', noticeParts(changeWindow.noticeMinutes)), host: hostName });
  };
}
