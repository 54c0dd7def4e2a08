import Link from 'next/link';
import type { HostOneTimeLink } from '@/lib/booking/one-time-links/list-links';
import { formatDateTime, type HourCycle } from '@/lib/hosts/host-clock';
import { CreateOneTimeLink, type CreateLinkAction } from './create-one-time-link';
import styles from './one-time-links.module.css';
import { RevokeLinkButton, type RevokeLinkAction } from './revoke-link-button';

const stateWords: Record<HostOneTimeLink['state'], string> = { open: 'Open', used: 'Used', expired: 'Expired', invalid: 'Revoked' };

interface Props {
  meetingTypeId: string;
  links: HostOneTimeLink[];
  clock: { timeZone: string; hourCycle: HourCycle };
  createAction: CreateLinkAction;
  revokeAction: RevokeLinkAction;
}

/** A meeting type's single-use links: make one (its address shown once), see each one's state, revoke an open one. */
export function OneTimeLinks({ meetingTypeId, links, clock, createAction, revokeAction }: Props) {
  const when = (instant: Date) => formatDateTime(instant, clock.timeZone, clock.hourCycle);
  return (
    <section className={styles.section} aria-labelledby="one-time-links-heading">
      <h2 id="one-time-links-heading" className={styles.heading}>
        One-time links
      </h2>
      <p className={styles.intro}>Each link books this meeting type once. It works even when the meeting type is secret.</p>
      <CreateOneTimeLink meetingTypeId={meetingTypeId} action={createAction} />
      {links.length > 0 ? (
        <ul className={styles.list} aria-label="Your one-time links">
          {links.map((link) => (
            <li key={link.id} className={styles.item} data-testid="one-time-link">
              <div className={styles.itemText}>
                <span className={styles.state}>{stateWords[link.state]}</span>
                <span className={styles.itemMeta}>
                  Created {when(link.createdAt)}
                  {link.expiresAt ? ` · expires ${when(link.expiresAt)}` : ' · never expires'}
                  {link.usedAt ? ` · used ${when(link.usedAt)}` : ''}
                </span>
              </div>
              {link.state === 'open' ? <RevokeLinkButton linkId={link.id} createdAt={when(link.createdAt)} action={revokeAction} /> : null}
              {link.state === 'used' && link.usedByBookingId ? <Link href={`/dashboard/bookings/${link.usedByBookingId}`}>View booking</Link> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
