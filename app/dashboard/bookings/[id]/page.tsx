import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingDetails } from '@/components/dashboard/bookings/booking-details';
import bookingStyles from '@/components/dashboard/bookings/bookings.module.css';
import { CancelBookingControl } from '@/components/dashboard/bookings/cancel-booking-control';
import styles from '@/components/dashboard/dashboard.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { cancelBookingAction } from '../actions';

export const metadata: Metadata = { title: 'Booking' };

// Another host's booking is the same 404 as an unknown id.
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/bookings/${encodeURIComponent(id)}`);
  const booking = await findHostBooking(db(), hostUserId, id);
  if (!booking) notFound();
  const now = Date.now();
  const started = booking.start.getTime() <= now;
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
      <BookingDetails booking={booking} now={now} />
      <div className={bookingStyles.actions}>
        <CancelBookingControl
          bookingId={booking.id}
          inviteeName={booking.inviteeName}
          cancellable={booking.status === 'confirmed' && !started}
          action={cancelBookingAction}
        />
        {booking.status === 'confirmed' && started ? <p className="muted">This meeting has started, so it can no longer be cancelled.</p> : null}
      </div>
    </>
  );
}
