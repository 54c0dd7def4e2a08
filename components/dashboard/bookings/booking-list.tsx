import Link from 'next/link';
import type { BookingListItem } from '@/lib/hosts/bookings/list';
import { formatClockRange, type HourCycle } from '@/lib/hosts/host-clock';
import type { BookingTab } from '@/lib/hosts/bookings/schemas';
import { cancelledByLabel, NEW_TIME_REQUESTED, NO_SHOW } from './booking-state';
import styles from './bookings.module.css';
import { formatShortDate } from './host-time';
import { SeatsBadge } from './occasion-attendees';

/** What else the host should see on a row: who cancelled and why, a pending request, a no-show. */
function RowState({ booking, tab }: { booking: BookingListItem; tab: BookingTab }) {
  if (tab === 'cancelled' && booking.status !== 'cancelled') {
    return (
      <span className={styles.state}>
        {booking.status === 'declined' ? 'Request declined' : 'Request expired'}
        {booking.cancellationReason ? <span className={styles.secondary}>: {booking.cancellationReason}</span> : null}
      </span>
    );
  }
  if (tab === 'pending') return <span className={styles.badge}>Awaiting approval</span>;
  if (tab === 'cancelled') {
    return (
      <span className={styles.state}>
        {cancelledByLabel(booking.cancelledBy)}
        {booking.cancellationReason ? <span className={styles.secondary}>: {booking.cancellationReason}</span> : null}
      </span>
    );
  }
  // A request still pending when the meeting came is moot: only Upcoming shows it.
  const badge = booking.noShow ? NO_SHOW : booking.newTimeRequested && tab === 'upcoming' ? NEW_TIME_REQUESTED : null;
  return (
    <>
      {badge ? <span className={styles.badge}>{badge}</span> : null}
      {booking.seats ? <SeatsBadge {...booking.seats} /> : null}
    </>
  );
}

/** One page of bookings, each a link to its detail page; times on the host's wall clock. */
export function BookingList({ items, timeZone, hourCycle, tab }: { items: BookingListItem[]; timeZone: string; hourCycle: HourCycle; tab: BookingTab }) {
  return (
    <ul className={styles.list}>
      {items.map((booking) => (
        <li key={booking.id}>
          <Link href={`/dashboard/bookings/${booking.id}`} className={styles.row}>
            <span>
              <span className={styles.when}>{formatShortDate(booking.start, timeZone)}</span>
              <br />
              <span className={styles.secondary}>{formatClockRange(booking.start, booking.end, timeZone, hourCycle)}</span>
            </span>
            <span className={styles.who}>
              <span className={styles.name}>{booking.inviteeName}</span> <span className={styles.secondary}>{booking.inviteeEmail}</span>
              <br />
              <span className={styles.secondary}>
                {booking.meetingTypeName}
                {booking.teamName ? ` · ${booking.teamName}` : null}
              </span>
              <RowState booking={booking} tab={tab} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
