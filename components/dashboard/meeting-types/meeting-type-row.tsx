import Link from 'next/link';
import { formatDuration } from '@/lib/booking/change-policy';
import type { HostMeetingType } from '@/lib/hosts/meeting-types/rows';
import { CopyLinkButton } from './copy-link-button';
import styles from './meeting-type-list.module.css';
import { type RowAction, RowActionsMenu } from './row-actions-menu';

interface Props {
  meetingType: HostMeetingType;
  username: string;
  busy: boolean;
  onAction: (action: RowAction) => void;
}

/** One meeting type: what it is, whether invitees can book it, its public link, and what to do with it. */
export function MeetingTypeRow({ meetingType, username, busy, onAction }: Props) {
  const path = `/${username}/${meetingType.slug}`;
  return (
    <li className={styles.row} style={{ borderLeftColor: meetingType.color ?? undefined }} data-testid="dashboard-meeting-type">
      <div className={styles.rowMain}>
        <h2 className={styles.rowName}>
          <Link href={`/dashboard/meeting-types/${meetingType.id}`}>{meetingType.name}</Link>
        </h2>
        <p className={styles.rowMeta}>
          <span>{formatDuration(meetingType.durationMinutes)}</span>
          <span className={meetingType.isActive ? styles.badgeActive : styles.badgeInactive}>{meetingType.isActive ? 'Active' : 'Inactive'}</span>
          {meetingType.isSecret ? <span className={styles.badgeSecret}>Secret</span> : null}
        </p>
        <p className={styles.rowLink}>
          <a href={path} className={styles.publicPath}>
            {path}
          </a>
          <CopyLinkButton path={path} name={meetingType.name} />
        </p>
      </div>
      <RowActionsMenu name={meetingType.name} isActive={meetingType.isActive} disabled={busy} onAction={onAction} />
    </li>
  );
}
