import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import type { Booking } from './api-client';
import { BookingTime } from './booking-time';
import styles from './confirmation.module.css';
import { CheckCircleIcon } from './icons';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  booking: Booking;
  meetingName: string;
  hostName: string;
  timeZone: string;
  /** Framed on another site: the manage page opens in a new tab. */
  linksInNewTab?: boolean;
}

/**
 * What an invitee sees after asking for a meeting that the host must confirm: the request is sent and
 * the time held, nothing is in their calendar yet (no invitation until it is approved), and they may
 * withdraw it.
 */
export function RequestSent({ booking, meetingName, hostName, timeZone, linksInNewTab = false }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('approval');
  const invitee = useTranslations('invitee');
  const newTab = linksInNewTab ? ({ target: '_blank', rel: 'noopener noreferrer' } as const) : {};
  return (
    <div className={styles.confirmation} data-testid="request-sent">
      <span className={styles.icon}>
        <CheckCircleIcon />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className={styles.title}>
        {t('requestSentTitle')}
      </h2>
      <p className={styles.lead}>{t('requestSentLead', { host: hostName, email: booking.email })}</p>
      <div className={styles.summary}>
        <p className={styles.what}>{invitee('meeting.title', { meeting: meetingName, host: hostName })}</p>
        <BookingTime start={booking.start} end={booking.end} timeZone={timeZone} />
        <p className={styles.who}>{invitee('confirmation.bookedFor', { name: booking.name, email: booking.email })}</p>
      </div>
      <p className={styles.manage}>{t('noCalendarYet')}</p>
      {booking.cancelUrl ? (
        <ButtonLink variant="ghost" href={booking.cancelUrl} {...newTab}>
          {t('withdraw')}
        </ButtonLink>
      ) : null}
    </div>
  );
}
