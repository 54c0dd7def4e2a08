import { Card } from '@/components/ui/card';
import type { PublicMeetingType } from '@/lib/hosts/public-profile';
import styles from './meeting-type-list.module.css';

export function MeetingTypeList({ username, meetingTypes }: { username: string; meetingTypes: PublicMeetingType[] }) {
  if (meetingTypes.length === 0) {
    return <p className="muted">This host has no meeting types open for booking right now.</p>;
  }
  return (
    <ul className={styles.list} aria-label="Meeting types">
      {meetingTypes.map((meetingType) => (
        <li key={meetingType.id} data-testid="meeting-type">
          <Card href={`/${username}/${meetingType.slug}`} accent={meetingType.color}>
            <h2 className={styles.name}>{meetingType.name}</h2>
            <p className={styles.meta}>
              {meetingType.durationMinutes} min
              {meetingType.description ? ` · ${meetingType.description}` : ''}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
