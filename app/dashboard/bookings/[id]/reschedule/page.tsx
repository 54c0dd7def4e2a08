import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import bookingStyles from '@/components/dashboard/bookings/bookings.module.css';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { HostRescheduleFlow } from '@/components/dashboard/bookings/host-reschedule-flow';
import styles from '@/components/dashboard/dashboard.module.css';
import { Alert } from '@/components/ui/alert';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { rescheduleBookingAction } from '../../actions';

export const metadata: Metadata = { title: 'Reschedule booking' };

// The host moves their booking for the invitee, from the same open times the invitee would see.
export default async function HostReschedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/bookings/${encodeURIComponent(id)}/reschedule`);
  const booking = await findHostBooking(db(), hostUserId, id);
  if (!booking) notFound();
  const movable = booking.status === 'confirmed' && booking.start.getTime() > Date.now() && booking.meetingTypeActive;
  return (
    <>
      <Link href={`/dashboard/bookings/${booking.id}`} className={bookingStyles.back}>
        ← Back to the booking
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>
          Reschedule {booking.meetingTypeName} with {booking.inviteeName}
        </h1>
      </div>
      {movable ? (
        // The invitee's picker, in English: hosts read English.
        <InviteeIntl locale="en">
          <HostRescheduleFlow
            booking={{
              id: booking.id,
              start: booking.start.toISOString(),
              end: booking.end.toISOString(),
              meetingTypeId: booking.meetingTypeId,
              maxDaysInFuture: booking.maxDaysInFuture,
              inviteeName: booking.inviteeName,
            }}
            timeZone={booking.hostTimeZone}
            action={rescheduleBookingAction}
          />
        </InviteeIntl>
      ) : (
        <Alert tone="info">This booking can no longer be moved: it has started, was cancelled or moved, or its meeting type is off.</Alert>
      )}
    </>
  );
}
