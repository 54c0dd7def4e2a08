import type { HostContext } from '@/lib/hosts/host-write';
import { hostAccess } from './host-verbs';
import type { BookingRow } from './insert-booking';
import { rescheduleBooking } from './reschedule-booking';

/**
 * The host moves a booking on the invitee's behalf: the invitee's own reschedule (same locks,
 * re-validation and EXCLUDE guard), reached as the host; the note goes into the invitee's email.
 */
export async function rescheduleForInvitee(ctx: HostContext, input: { bookingId: string; start: number; message?: string | undefined }): Promise<BookingRow> {
  const { booking } = await rescheduleBooking(ctx, { bookingId: input.bookingId, access: hostAccess(ctx), start: input.start, now: ctx.now, message: input.message });
  return booking;
}
