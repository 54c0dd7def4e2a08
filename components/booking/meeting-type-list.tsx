import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { durationWords } from '@/lib/booking/change-policy';
import type { PublicMeetingType } from '@/lib/hosts/public-profile';
import styles from './meeting-type-list.module.css';

interface Props {
  username: string;
  meetingTypes: PublicMeetingType[];
  /** "/embed" for the embedded host page. */
  pathPrefix?: string;
  /** Query string carried to each booking page ("?…" or ""). */
  query?: string;
  /** A team's list (`username` is then `team/{slug}`): its empty state names the team. */
  team?: boolean;
}

/** The host page's heading and how it works, in the page's language. */
export function HostIntro({ name }: { name: string }) {
  const t = useTranslations('invitee.hostPage');
  return (
    <>
      <h1>{name}</h1>
      <p className="lead">{t('lead')}</p>
    </>
  );
}

export function MeetingTypeList({ username, meetingTypes, pathPrefix = '', query = '', team = false }: Props) {
  const t = useTranslations('invitee');
  const policy = useTranslations('policy');
  if (meetingTypes.length === 0) {
    return <p className="muted">{t(team ? 'hostPage.teamEmpty' : 'hostPage.empty')}</p>;
  }
  return (
    <ul className={styles.list} aria-label={t('hostPage.listLabel')}>
      {meetingTypes.map((meetingType) => (
        <li key={meetingType.id} data-testid="meeting-type">
          <Card href={`${pathPrefix}/${username}/${meetingType.slug}${query}`} accent={meetingType.color}>
            <h2 className={styles.name}>{meetingType.name}</h2>
            <p className={styles.meta}>
              {durationWords(policy, meetingType.durationMinutes)}
              {meetingType.description ? ` · ${meetingType.description}` : ''}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
