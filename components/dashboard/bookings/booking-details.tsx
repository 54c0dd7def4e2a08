import Link from 'next/link';
import { formatLongDate, formatZoneLabel } from '@/components/booking/format-time';
import type { HostBookingDetail } from '@/lib/hosts/bookings/detail';
import { formatClockRange, type HourCycle } from '@/lib/hosts/host-clock';
import { BookingAnswers } from './booking-answers';
import { cancelledByLabel, NEW_TIME_REQUESTED, NO_SHOW } from './booking-state';
import styles from './bookings.module.css';

const statusLabels: Record<HostBookingDetail['status'], string> = {
  pending: 'Awaiting your approval',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
  declined: 'Declined',
  expired: 'Expired: not approved in time',
};

function statusLabel(booking: HostBookingDetail, now: number): string {
  if (booking.status === 'cancelled') return cancelledByLabel(booking.cancelledBy);
  if (booking.status !== 'confirmed') return statusLabels[booking.status];
  if (booking.start.getTime() > now) return booking.newTimeRequestedAt ? `Confirmed, ${NEW_TIME_REQUESTED.toLowerCase()}` : statusLabels.confirmed;
  if (booking.noShowAt) return `${NO_SHOW}: the invitee did not come`;
  return booking.end.getTime() > now ? 'Confirmed, in progress' : 'Confirmed, took place';
}

function When({ booking, timeZone, hourCycle }: { booking: HostBookingDetail; timeZone: string; hourCycle: HourCycle }) {
  return (
    <>
      {formatLongDate(booking.start, timeZone)}, {formatClockRange(booking.start, booking.end, timeZone, hourCycle)}
      <br />
      <span className={styles.secondary}>{formatZoneLabel(timeZone, booking.start)}</span>
    </>
  );
}

/** Everything the host may see of one booking. Text the invitee typed is rendered as text, never HTML. */
export function BookingDetails({ booking, now }: { booking: HostBookingDetail; now: number }) {
  return (
    <dl className={styles.details}>
      <dt>Status</dt>
      <dd>{statusLabel(booking, now)}</dd>
      <dt>When (your time)</dt>
      <dd>
        <When booking={booking} timeZone={booking.hostTimeZone} hourCycle={booking.hostHourCycle} />
      </dd>
      <dt>Invitee’s time</dt>
      <dd>
        <When booking={booking} timeZone={booking.inviteeTimeZone} hourCycle={booking.hostHourCycle} />
      </dd>
      <dt>Invitee</dt>
      <dd>{booking.inviteeName}</dd>
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${booking.inviteeEmail}`}>{booking.inviteeEmail}</a>
      </dd>
      <dt>Meeting type</dt>
      <dd>{booking.meetingTypeName}</dd>
      {booking.team ? (
        <>
          <dt>Team</dt>
          <dd>
            {booking.team.name} <span className={styles.secondary}>({booking.team.schedulingType === 'collective' ? 'collective' : 'round robin'})</span>
          </dd>
          <dt>{booking.team.schedulingType === 'collective' ? 'Hosts' : 'Assigned to'}</dt>
          <dd>{booking.team.hosts.join(', ')}</dd>
        </>
      ) : null}
      <dt>Notes</dt>
      <dd className={styles.notes}>{booking.notes || <span className={styles.secondary}>None</span>}</dd>
      <BookingAnswers answers={booking.answers} />
      {booking.tracking && Object.keys(booking.tracking).length > 0 ? (
        <>
          <dt>Tracking</dt>
          <dd>
            {Object.entries(booking.tracking).map(([key, value]) => (
              <span key={key} className={styles.tracking}>
                {key}: {value}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {booking.newTimeRequestedAt && booking.status === 'confirmed' && booking.start.getTime() > now ? (
        <>
          <dt>{NEW_TIME_REQUESTED}</dt>
          <dd className={styles.notes}>
            Asked on {formatLongDate(booking.newTimeRequestedAt, booking.hostTimeZone)}; the current time stays reserved until the invitee picks a new one or declines.
            {booking.newTimeRequestMessage ? (
              <>
                <br />
                <span className={styles.secondary}>Your message: {booking.newTimeRequestMessage}</span>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      {booking.status === 'cancelled' ? (
        <>
          <dt>Cancellation reason</dt>
          <dd className={styles.notes}>{booking.cancellationReason || <span className={styles.secondary}>None given</span>}</dd>
        </>
      ) : null}
      {booking.rescheduledFromId ? (
        <>
          <dt>Rescheduled from</dt>
          <dd>
            <Link href={`/dashboard/bookings/${booking.rescheduledFromId}`}>The earlier booking</Link>
          </dd>
        </>
      ) : null}
      {booking.rescheduledToId ? (
        <>
          <dt>Rescheduled to</dt>
          <dd>
            <Link href={`/dashboard/bookings/${booking.rescheduledToId}`}>The new booking</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
