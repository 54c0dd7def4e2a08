'use client';

import type { FormAction } from '@/components/ui/use-form-action';
import { BookingActionDialog } from './booking-action-dialog';

/** "Request a new time": the invitee is emailed a link to pick one; the current time stays held meanwhile. */
export function RequestNewTimeControl({ bookingId, inviteeName, available, action }: { bookingId: string; inviteeName: string; available: boolean; action: FormAction<unknown> }) {
  return (
    <BookingActionDialog
      bookingId={bookingId}
      available={available}
      action={action}
      words={{
        trigger: 'Request a new time…',
        title: 'Ask for a new time?',
        text: `${inviteeName} will be emailed a link to pick a new time. The current time stays reserved until they pick one or decline.`,
        field: { label: `Message to ${inviteeName}`, name: 'message', hint: 'Included in the email.' },
        keep: 'Not now',
        submit: 'Send request',
        pending: 'Sending…',
        done: `Request sent. ${inviteeName} will get an email with a link to pick a new time.`,
      }}
    />
  );
}
