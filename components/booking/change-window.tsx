import { useLocale, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { changesClosedSentence, contactSentence, reachHostSentence } from '@/lib/booking/change-policy';
import type { ChangeWindow } from '@/lib/booking/managed-booking';
import { formatShortDateTime } from './format-time';
import styles from './meeting-summary.module.css';

// Until when an invitee may cancel or reschedule, in their own zone and language, as the API enforces
// it; and, once that has passed, how to reach the host instead (the `policy` messages).

/** "You can reschedule or cancel until Tue, Jan 12, 9:00 AM." while a cut-off applies and is ahead. */
export function ChangeDeadline({ changeWindow, timeZone }: { changeWindow: ChangeWindow; timeZone: string }) {
  const t = useTranslations('policy');
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
  const t = useTranslations('policy');
  const locale = useLocale();
  return (changeWindow: ChangeWindow, timeZone: string): string | null => {
    if (changeWindow.open) return null;
    // With the year: a long cut-off can have closed in an earlier year than the meeting.
    const when = formatShortDateTime(changeWindow.closesAt, timeZone, { withYear: true, locale });
    const policy = { ...changeWindow, closesAt: Date.parse(changeWindow.closesAt) };
    return changesClosedSentence(t, policy, when, changeWindow.started);
  };
}

/** The host's name to reply to, and their own contact line when they set one. */
export function ReachHost({ hostName, contactLine, where = 'page' }: { hostName: string; contactLine: string | null; where?: 'page' | 'email' }) {
  const t = useTranslations('policy');
  return (
    <>
      <span className={styles.reach}>{reachHostSentence(t, hostName, where)}</span>
      {contactLine ? (
        <span className={styles.reach} data-testid="contact-line">
          {contactSentence(t, contactLine)}
        </span>
      ) : null}
    </>
  );
}

/** The refusal on a manage page: why, and whom to contact. */
export function ChangesClosed({ reason, hostName, contactLine, started }: { reason: string; hostName: string; contactLine: string | null; started: boolean }) {
  return (
    <Alert tone="info">
      <span className={styles.reach} data-testid="changes-closed">{reason}</span>
      {started ? null : <ReachHost hostName={hostName} contactLine={contactLine} />}
    </Alert>
  );
}
