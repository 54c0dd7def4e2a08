import Link from 'next/link';
import type { BookingListItem } from '@/lib/hosts/bookings/list';
import { formatClockRange, type HourCycle } from '@/lib/hosts/host-clock';
import styles from './bookings.module.css';
import { formatShortDate } from './host-time';

/** One page of bookings, each a link to its detail page; times on the host's wall clock. */
export function BookingList({ items, timeZone, hourCycle }: { items: BookingListItem[]; timeZone: string; hourCycle: HourCycle }) {
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
              <span className={styles.secondary}>{booking.meetingTypeName}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
