import { useTranslations } from 'next-intl';
import { inviteChangeLines } from '@/lib/booking/change-policy';
import { inviteEvent } from '@/lib/booking/invite-event';
import { inviteFileHref, googleCalendarUrl, outlookCalendarUrl } from '@/lib/booking/invite-links';
import type { Booking } from './api-client';
import styles from './confirmation.module.css';

interface Props {
  booking: Booking;
  meetingName: string;
  hostName: string;
  /** Whether changes are still open online, for the entry's description (no links once closed). */
  changes: { open: boolean; noticeMinutes: number; contactLine: string | null };
}

/**
 * The .ics download and links that open Google Calendar or Outlook with the meeting filled in. The
 * meeting type's location (possibly a private video link) is in the .ics, which a booking token
 * opens, and never in the public booking page's data, so these links go without it.
 */
export function AddToCalendar({ booking, meetingName, hostName, changes }: Props) {
  const t = useTranslations('invitee.confirmation');
  const words = useTranslations('invite');
  const policy = useTranslations('policy');
  const event = inviteEvent({
    meetingName,
    hostName,
    location: null,
    start: new Date(booking.start),
    end: new Date(booking.end),
    cancelUrl: changes.open ? booking.cancelUrl : undefined,
    rescheduleUrl: changes.open ? booking.rescheduleUrl : undefined,
    words: { summary: words('summary', { meeting: meetingName, host: hostName }), needChange: words('needChange'), reschedule: words('reschedule'), cancel: words('cancel') },
    changeLines: inviteChangeLines(policy, { ...changes, hostName, where: 'page' }),
  });
  const fileHref = inviteFileHref(booking);
  return (
    <section className={styles.calendar} aria-labelledby="add-to-calendar">
      <h3 id="add-to-calendar" className={styles.calendarTitle}>
        {t('addToCalendar')}
      </h3>
      <ul className={styles.calendarLinks}>
        {fileHref ? (
          <li>
            <a href={fileHref} download>
              {t('downloadFile')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer">
            Google Calendar
          </a>
        </li>
        <li>
          <a href={outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer">
            Outlook
          </a>
        </li>
      </ul>
    </section>
  );
}
