'use server';

import { hostAction } from '@/lib/actions/host-action';
import { cancelBooking } from '@/lib/booking';
import { cancelHostBookingSchema } from '@/lib/hosts/bookings/schemas';

// The host cancels through the invitee's own service: the same checks, the same outbox event
// (cancelledBy 'host'), the same version bump that frees the slot at once.

export const cancelBookingAction = hostAction(cancelHostBookingSchema, async (input, ctx) => {
  const booking = await cancelBooking(ctx, { bookingId: input.bookingId, access: ctx.actor, reason: input.reason, now: ctx.now });
  return { status: booking.status };
});
