import { Card } from '@/components/ui/card';
import { formatDuration } from '@/lib/booking/change-policy';
import type { PublicMeetingType } from '@/lib/hosts/public-profile';
import styles from './meeting-type-list.module.css';

interface Props {
  username: string;
  meetingTypes: PublicMeetingType[];
  /** "/embed" for the embedded host page. */
  pathPrefix?: string;
  /** Query string carried to each booking page ("?…" or ""). */
  query?: string;
}

export function MeetingTypeList({ username, meetingTypes, pathPrefix = '', query = '' }: Props) {
  if (meetingTypes.length === 0) {
    return <p className="muted">This host has no meeting types open for booking right now.</p>;
  }
  return (
    <ul className={styles.list} aria-label="Meeting types">
      {meetingTypes.map((meetingType) => (
        <li key={meetingType.id} data-testid="meeting-type">
          <Card href={`${pathPrefix}/${username}/${meetingType.slug}${query}`} accent={meetingType.color}>
            <h2 className={styles.name}>{meetingType.name}</h2>
            <p className={styles.meta}>
              {formatDuration(meetingType.durationMinutes)}
              {meetingType.description ? ` · ${meetingType.description}` : ''}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
