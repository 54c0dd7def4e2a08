import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { AddToCalendar } from './add-to-calendar';
import type { Booking } from './api-client';
import { BookingTime } from './booking-time';
import styles from './confirmation.module.css';
import { CheckCircleIcon } from './icons';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  title: string;
  lead: string;
  booking: Booking;
  meetingName: string;
  hostName: string;
  timeZone: string;
  /** Framed on another site: the manage pages refuse to be framed, so they open in a new tab. */
  linksInNewTab?: boolean;
  children?: ReactNode;
}

/** What an invitee sees once a booking is made or moved: the time, and the links to change it. */
export function Confirmation({ title, lead, booking, meetingName, hostName, timeZone, linksInNewTab = false, children }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee');
  const newTab = linksInNewTab ? ({ target: '_blank', rel: 'noopener noreferrer' } as const) : {};
  return (
    <div className={styles.confirmation} data-testid="confirmation">
      <span className={styles.icon}>
        <CheckCircleIcon />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className={styles.title}>
        {title}
      </h2>
      <p className={styles.lead}>{lead}</p>
      <div className={styles.summary}>
        <p className={styles.what}>
          {t('meeting.title', { meeting: meetingName, host: hostName })}
        </p>
        <BookingTime start={booking.start} end={booking.end} timeZone={timeZone} />
        <p className={styles.who}>
          {t('confirmation.bookedFor', { name: booking.name, email: booking.email })}
        </p>
      </div>
      <AddToCalendar booking={booking} meetingName={meetingName} hostName={hostName} />
      {children}
      <p className={styles.manage}>{t('confirmation.keepLinks')}</p>
      <div className={styles.actionsRow}>
        {booking.rescheduleUrl ? (
          <ButtonLink variant="secondary" href={booking.rescheduleUrl} {...newTab}>
            {t('confirmation.reschedule')}
          </ButtonLink>
        ) : null}{' '}
        {booking.cancelUrl ? (
          <ButtonLink variant="ghost" href={booking.cancelUrl} {...newTab}>
            {t('confirmation.cancel')}
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
