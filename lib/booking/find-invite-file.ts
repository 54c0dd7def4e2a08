import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, users } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { inviteWords, policyWords } from '@/lib/i18n/translator';
import { changePolicy, inviteChangeLines } from './change-policy';
import { inviteEvent } from './invite-event';
import { inviteFile } from './invite-file';
import { findBookingByLink } from './find-booking';
import { presentBooking } from './present';
import { inviteUid, rescheduleChainRoot } from './reschedule-chain';

/** The booking's .ics file for the holder of one of its links; every failure is the same 404. */
export async function findInviteFile(database: Queryable, bookingId: string, token: string | null, now = new Date()) {
  const { booking, purpose } = await findBookingByLink(database, bookingId, token);
  // A request is no meeting yet: its invitation comes with the approval, never a tentative one before.
  if (booking.status === 'pending') throw new AppError('booking_not_active', 'This request is not confirmed yet: the invitation comes once the host approves it.', { details: { status: booking.status } });
  const [meetingType] = await database
    .select({
      name: meetingTypes.name,
      location: meetingTypes.location,
      noticeMinutes: meetingTypes.minChangeNoticeMinutes,
      contactLine: meetingTypes.contactLine,
      hostName: users.name,
    })
    .from(meetingTypes)
    .innerJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, booking.meetingTypeId));
  if (!meetingType) throw notFound('Booking');
  const { rootId, hops } = await rescheduleChainRoot(database, booking);
  const { cancelUrl, rescheduleUrl } = presentBooking(booking, [purpose]);
  // Inside the cut-off the links could never work: the entry says how to reach the host instead.
  const { open } = changePolicy({ start: booking.startTime.getTime(), noticeMinutes: meetingType.noticeMinutes, bookedAt: booking.createdAt.getTime(), now: now.getTime() });
  const live = booking.status === 'confirmed';
  const event = inviteEvent({
    meetingName: meetingType.name,
    hostName: meetingType.hostName,
    location: meetingType.location,
    start: booking.startTime,
    end: booking.endTime,
    cancelUrl: open ? cancelUrl : undefined,
    rescheduleUrl: open ? rescheduleUrl : undefined,
    // In the language the invitee booked in, like their emails.
    words: inviteWords(booking.locale, { meeting: meetingType.name, host: meetingType.hostName }),
    changeLines: live
      ? inviteChangeLines(policyWords(booking.locale), { open, noticeMinutes: meetingType.noticeMinutes, hostName: meetingType.hostName, contactLine: meetingType.contactLine, where: 'page' })
      : undefined,
  });
  const cancelled = booking.status === 'cancelled';
  return {
    filename: `rendezvous-${booking.id.slice(0, 8)}.ics`,
    body: inviteFile({ ...event, uid: inviteUid(rootId), sequence: hops + (cancelled ? 1 : 0), cancelled, stamp: now }),
  };
}
