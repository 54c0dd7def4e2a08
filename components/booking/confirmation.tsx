import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { changePolicy, changesClosedNote, policySentence } from '@/lib/booking/change-policy';
import { AddToCalendar } from './add-to-calendar';
import type { Booking } from './api-client';
import { BookingTime } from './booking-time';
import { ReachHost } from './change-window';
import styles from './confirmation.module.css';
import { ConfirmationAnswers } from './confirmation-answers';
import { CheckCircleIcon } from './icons';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  title: string;
  lead: string;
  booking: Booking;
  meetingName: string;
  hostName: string;
  timeZone: string;
  /** The meeting type's cut-off for invitee changes and the host's contact line. */
  changes: { minChangeNoticeMinutes: number; contactLine: string | null };
  /** Framed on another site: the manage pages refuse to be framed, so they open in a new tab. */
  linksInNewTab?: boolean;
  children?: ReactNode;
}

/**
 * What an invitee sees once a booking is made or moved: the time, the change policy, and the links to
 * change it — or, when the booking is already inside its cut-off, how to reach the host instead.
 */
export function Confirmation({ title, lead, booking, meetingName, hostName, timeZone, changes, linksInNewTab = false, children }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee');
  const words = useTranslations('policy');
  // The booking was made just now: the moment this confirmation first rendered stands for it.
  const [now] = useState(() => Date.now());
  const policy = changePolicy({ start: Date.parse(booking.start), noticeMinutes: changes.minChangeNoticeMinutes, bookedAt: now, now });
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
        <ConfirmationAnswers answers={booking.answers} />
      </div>
      <AddToCalendar booking={booking} meetingName={meetingName} hostName={hostName} changes={{ open: policy.open, noticeMinutes: policy.noticeMinutes, contactLine: changes.contactLine }} />
      {children}
      {policy.open ? (
        <>
          <p className={styles.manage} data-testid="change-policy">
            {policySentence(words, policy.noticeMinutes)} {t('confirmation.keepLinks')}
          </p>
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
        </>
      ) : (
        <p className={styles.manage} data-testid="change-policy">
          <span className={styles.closed}>{changesClosedNote(words, policy.noticeMinutes)}</span>
          <ReachHost hostName={hostName} contactLine={changes.contactLine} />
        </p>
      )}
    </div>
  );
}
