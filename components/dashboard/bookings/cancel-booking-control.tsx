'use client';

import type { FormAction } from '@/components/ui/use-form-action';
import { BookingActionDialog } from './booking-action-dialog';

/** "Cancel booking" and its confirmation dialog; the reason is kept with the booking and emailed. */
export function CancelBookingControl({ bookingId, inviteeName, available, action }: { bookingId: string; inviteeName: string; available: boolean; action: FormAction<unknown> }) {
  return (
    <BookingActionDialog
      bookingId={bookingId}
      available={available}
      action={action}
      danger
      words={{
        trigger: 'Cancel booking…',
        title: 'Cancel this booking?',
        text: `The meeting with ${inviteeName} will be cancelled and its time freed for others to book.`,
        field: { label: 'Reason', name: 'reason', hint: 'Kept with the booking.' },
        keep: 'Keep booking',
        submit: 'Cancel booking',
        pending: 'Cancelling…',
        done: 'Booking cancelled. Its time is free again.',
      }}
    />
  );
}
