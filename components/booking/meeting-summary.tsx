import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { durationWords, policySentence } from '@/lib/booking/change-policy';
import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';
import { ClockIcon } from './icons';
import styles from './meeting-summary.module.css';

/** The details column: who, what, how long, the change policy, and (as children) the chosen time. */
export function MeetingSummary({ meetingType, children }: { meetingType: PublicMeetingTypeDetails; children?: ReactNode }) {
  const t = useTranslations('policy');
  return (
    <div>
      <p className={styles.host}>{meetingType.host.name}</p>
      <h1 className={styles.title}>{meetingType.name}</h1>
      <ul className={styles.facts}>
        <li className={styles.fact}>
          <ClockIcon />
          <span>{durationWords(t, meetingType.durationMinutes)}</span>
        </li>
      </ul>
      {meetingType.description ? <p className={styles.description}>{meetingType.description}</p> : null}
      <p className={styles.policy} data-testid="booking-policy">
        {policySentence(t, meetingType.minChangeNoticeMinutes)}
      </p>
      <div className={styles.extra}>{children}</div>
    </div>
  );
}
