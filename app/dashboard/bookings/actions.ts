'use server';

import { hostAction } from '@/lib/actions/host-action';
import { approveRequest, cancelBooking, declineRequest, markNoShow, requestNewTime, rescheduleForInvitee } from '@/lib/booking';
import { approveRequestSchema, cancelHostBookingSchema, declineRequestSchema, markNoShowSchema, requestNewTimeSchema, rescheduleHostBookingSchema } from '@/lib/hosts/bookings/schemas';

// The host acts through the invitee's own services: the same checks, the same outbox events (with
// the host as who did it), the same version bump that frees or takes a slot at once.

export const cancelBookingAction = hostAction(cancelHostBookingSchema, async (input, ctx) => {
  const booking = await cancelBooking(ctx, { bookingId: input.bookingId, access: ctx.actor, reason: input.reason, now: ctx.now });
  return { status: booking.status };
});

/** Moves the booking for the invitee; answers the new booking's id (the dashboard opens it). */
export const rescheduleBookingAction = hostAction(rescheduleHostBookingSchema, async (input, ctx) => {
  const booking = await rescheduleForInvitee(ctx, input);
  return { bookingId: booking.id };
});

export const requestNewTimeAction = hostAction(requestNewTimeSchema, async (input, ctx) => {
  const booking = await requestNewTime(ctx, input);
  return { status: booking.status };
});

export const markNoShowAction = hostAction(markNoShowSchema, async (input, ctx) => {
  const booking = await markNoShow(ctx, input);
  return { noShow: booking.noShowAt !== null };
});

/** Requires confirmation: the host approves a pending request (confirmed, with the usual emails) or declines it. */
export const approveRequestAction = hostAction(approveRequestSchema, async (input, ctx) => {
  const booking = await approveRequest(ctx, input);
  return { status: booking.status };
});

export const declineRequestAction = hostAction(declineRequestSchema, async (input, ctx) => {
  const booking = await declineRequest(ctx, input);
  return { status: booking.status };
});
