import Link from 'next/link';
import type { OccasionAttendee } from '@/lib/hosts/bookings/occasion';
import { NO_SHOW } from './booking-state';
import bookingStyles from './bookings.module.css';
import styles from './occasion-attendees.module.css';

/** "3 of 10 seats taken" on a group event's row. */
export function SeatsBadge({ taken, total }: { taken: number; total: number }) {
  return <span className={bookingStyles.badge}>{`${taken} of ${total} seats taken`}</span>;
}

/** Everyone with a seat at this occasion (the host's view only), each linking to their own booking. */
export function OccasionAttendees({ attendees, seatsPerSlot, currentId }: { attendees: OccasionAttendee[]; seatsPerSlot: number; currentId: string }) {
  return (
    <section className={styles.occasion} aria-labelledby="occasion-attendees">
      <h2 id="occasion-attendees" className={styles.title}>
        Attendees <span className={styles.count}>{`${attendees.length} of ${seatsPerSlot} seats taken`}</span>
      </h2>
      {attendees.length === 0 ? (
        <p className="muted">No confirmed seats at this time any more.</p>
      ) : (
        <ul className={bookingStyles.list}>
          {attendees.map((attendee) => (
            <li key={attendee.id} className={styles.attendee}>
              {attendee.id === currentId ? (
                <span aria-current="page" className={styles.name}>
                  {attendee.inviteeName} <span className={styles.secondary}>(this booking)</span>
                </span>
              ) : (
                <Link href={`/dashboard/bookings/${attendee.id}`} className={styles.name}>
                  {attendee.inviteeName}
                </Link>
              )}{' '}
              <span className={styles.secondary}>{attendee.inviteeEmail}</span>
              {attendee.noShow ? <span className={bookingStyles.badge}>{NO_SHOW}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
