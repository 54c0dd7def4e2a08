import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingDetails } from '@/components/dashboard/bookings/booking-details';
import bookingStyles from '@/components/dashboard/bookings/bookings.module.css';
import { CancelBookingControl } from '@/components/dashboard/bookings/cancel-booking-control';
import { NoShowControl } from '@/components/dashboard/bookings/no-show-control';
import { RequestDecisionControls } from '@/components/dashboard/bookings/request-decision-controls';
import { OccasionAttendees } from '@/components/dashboard/bookings/occasion-attendees';
import { RequestNewTimeControl } from '@/components/dashboard/bookings/request-new-time-control';
import styles from '@/components/dashboard/dashboard.module.css';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { listOccasionAttendees } from '@/lib/hosts/bookings/occasion';
import { approveRequestAction, cancelBookingAction, declineRequestAction, markNoShowAction, requestNewTimeAction } from '../actions';

export const metadata: Metadata = { title: 'Booking' };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Another host's booking is the same 404 as an unknown id. Before the meeting the host may move it,
// ask the invitee for a new time or cancel; once it has started, only mark (or unmark) a no-show.
export default async function BookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { moved } = await searchParams;
  const hostUserId = await requireHostForPage(`/dashboard/bookings/${encodeURIComponent(id)}`);
  const booking = await findHostBooking(db(), hostUserId, id);
  if (!booking) notFound();
  const attendees = booking.seatKey ? await listOccasionAttendees(db(), hostUserId, booking.seatKey) : null;
  const now = Date.now();
  const started = booking.start.getTime() <= now;
  const confirmed = booking.status === 'confirmed';
  return (
    <>
      <Link href="/dashboard" className={bookingStyles.back}>
        ← All bookings
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>
          {booking.meetingTypeName} with {booking.inviteeName}
        </h1>
      </div>
      {moved === '1' && confirmed ? <Alert tone="success">Booking moved. {booking.inviteeName} has been emailed the new time.</Alert> : null}
      <BookingDetails booking={booking} now={now} />
      {attendees && booking.seatsPerSlot !== null ? <OccasionAttendees attendees={attendees} seatsPerSlot={booking.seatsPerSlot} currentId={booking.id} /> : null}
      <div className={bookingStyles.actions}>
        <RequestDecisionControls bookingId={booking.id} pending={booking.status === 'pending'} inviteeName={booking.inviteeName} approve={approveRequestAction} decline={declineRequestAction} />
        {confirmed && !started && booking.meetingTypeActive ? (
          <ButtonLink variant="secondary" href={`/dashboard/bookings/${booking.id}/reschedule`}>
            Reschedule…
          </ButtonLink>
        ) : null}
        <RequestNewTimeControl
          bookingId={booking.id}
          inviteeName={booking.inviteeName}
          available={confirmed && !started && !booking.newTimeRequestedAt}
          action={requestNewTimeAction}
        />
        <CancelBookingControl bookingId={booking.id} inviteeName={booking.inviteeName} available={confirmed && !started} action={cancelBookingAction} />
        {confirmed && started ? (
          <>
            <NoShowControl bookingId={booking.id} noShow={booking.noShowAt !== null} action={markNoShowAction} />
            <p className="muted">This meeting has started, so it can no longer be moved or cancelled.</p>
          </>
        ) : null}
      </div>
    </>
  );
}
