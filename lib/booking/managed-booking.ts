import type { Queryable } from '@/db/client';
import type { BookingStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findPublicMeetingTypeById, type PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';
import { changeDeadline, changePolicy } from './change-policy';
import { loadChangeNoticeMinutes } from './change-rules';
import { findBookingByToken } from './find-booking';

// What the cancel and reschedule pages render from their link (server side: it reads the database).

/** What the manage pages hand to the browser about the booking behind a cancel or reschedule link. */
export interface ManagedBooking {
  id: string;
  status: BookingStatus;
  start: string;
  end: string;
  name: string;
  email: string;
  /** The invitee's zone when they booked: shown until the browser tells us its own. */
  timezone: string;
  /** Until when the invitee may cancel or reschedule, as the API enforces it (change-rules.ts). */
  changeWindow: ChangeWindow;
  /** The host asked the invitee to pick a new time (with their message); the reschedule page may also decline. */
  newTimeRequest: { message: string | null } | null;
}

export interface ChangeWindow {
  /** The last instant for a change (ISO-8601): the start less the meeting type's cut-off. */
  deadline: string;
  /** When online changes really closed (ISO-8601): the deadline, or the booking's creation if later. */
  closesAt: string;
  /** Made inside its cut-off, so never open online. */
  closedWhenBooked: boolean;
  /** The cut-off in minutes; 0 means until the meeting starts. */
  noticeMinutes: number;
  /** Whether the deadline was still ahead when the page was rendered. */
  open: boolean;
  /** Whether the meeting had started when the page was rendered. */
  started: boolean;
}

export interface ManagePageProps {
  meetingType: PublicMeetingTypeDetails;
  booking: ManagedBooking;
  /** The token from the link, sent back with the change. */
  token: string;
}

/**
 * The booking behind a manage link, or null for an unknown id, a missing or wrong token, or a token
 * for the other purpose: every case gets the same not-found page, like the API's single 404.
 */
export async function loadManagedBooking(
  database: Queryable,
  bookingId: string,
  token: string | string[] | undefined,
  purpose: 'cancel' | 'reschedule',
  now: number = Date.now(),
): Promise<ManagePageProps | null> {
  if (typeof token !== 'string') return null;
  let booking;
  try {
    booking = await findBookingByToken(database, bookingId, token, [purpose]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
  const meetingType = await findPublicMeetingTypeById(database, booking.meetingTypeId);
  if (!meetingType) return null;
  const noticeMinutes = await loadChangeNoticeMinutes(database, booking.meetingTypeId);
  const start = booking.startTime.getTime();
  const policy = changePolicy({ start, noticeMinutes, bookedAt: booking.createdAt.getTime(), now });
  const requested = booking.status === 'confirmed' && booking.newTimeRequestedAt !== null;
  return {
    meetingType,
    token,
    booking: {
      id: booking.id,
      status: booking.status,
      start: booking.startTime.toISOString(),
      end: booking.endTime.toISOString(),
      name: booking.inviteeName,
      email: booking.inviteeEmail,
      timezone: booking.inviteeTimezone,
      // A meeting that has started is closed too, whatever the cut-off (assertNotStarted); a host's
      // request for a new time opens it until then (assertWithinChangeWindow).
      changeWindow: {
        deadline: new Date(changeDeadline(start, noticeMinutes)).toISOString(),
        closesAt: new Date(policy.closesAt).toISOString(),
        closedWhenBooked: policy.closedWhenBooked,
        noticeMinutes,
        open: (policy.open || requested) && now < start,
        started: now >= start,
      },
      newTimeRequest: requested ? { message: booking.newTimeRequestMessage } : null,
    },
  };
}
