'use server';

import { hostAction } from '@/lib/actions/host-action';
import { cancelBooking } from '@/lib/booking';
import { cancelHostBookingSchema } from '@/lib/hosts/bookings/schemas';

// The host cancels through the invitee's own service: the same checks, the same outbox event
// (cancelledBy 'host'), the same version bump that frees the slot at once.

export const cancelBookingAction = hostAction(cancelHostBookingSchema, async (input, { hostUserId, deps }) => {
  const booking = await cancelBooking(deps, { bookingId: input.bookingId, access: { kind: 'host', userId: hostUserId }, reason: input.reason, now: Date.now() });
  return { status: booking.status };
});
