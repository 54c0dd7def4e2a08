import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type BookingStatus, meetingTypes, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { formatClockRange, formatDateTime, resolveHourCycle } from '@/lib/hosts/host-clock';
import { alreadyDecided, findRequestFor } from './decide-request';

// What the host's Approve / Decline page shows from its emailed link: the request on the host's clock,
// or, once decided, what it became. Host-facing, so English like the dashboard.

export interface ApprovalRequestView {
  id: string;
  status: BookingStatus;
  meetingName: string;
  inviteeName: string;
  inviteeEmail: string;
  notes: string | null;
  /** "Tuesday, December 8, 2026, 10:00 AM – 10:30 AM (Europe/Berlin)" on the host's clock. */
  when: string;
  /** Until when it may be answered, or null when that is the meeting's start. */
  answerBy: string | null;
  /** Why it can no longer be decided (the 409 a decision would get), or null while pending. */
  decided: string | null;
}

/** The request behind an approval link, or null for an unknown id or a wrong token (the same 404 page). */
export async function loadApprovalRequest(database: Queryable, bookingId: string, token: string | string[] | undefined, now = Date.now()): Promise<ApprovalRequestView | null> {
  if (typeof token !== 'string') return null;
  let booking;
  try {
    booking = await findRequestFor(database, bookingId, { kind: 'link', token });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
  const [context] = await database
    .select({ meetingName: meetingTypes.name, timeZone: users.timeZone, hourCycle: users.hourCycle, locale: users.locale })
    .from(meetingTypes)
    .innerJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, booking.meetingTypeId));
  if (!context) return null;
  const cycle = resolveHourCycle(context);
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: context.timeZone }).format(booking.startTime);
  const expiresAt = booking.approvalExpiresAt;
  const expiredUnswept = booking.status === 'pending' && expiresAt !== null && now >= expiresAt.getTime();
  return {
    id: booking.id,
    status: booking.status,
    meetingName: context.meetingName,
    inviteeName: booking.inviteeName,
    inviteeEmail: booking.inviteeEmail,
    notes: booking.notes,
    when: `${date}, ${formatClockRange(booking.startTime, booking.endTime, context.timeZone, cycle)} (${context.timeZone})`,
    answerBy: expiresAt && expiresAt < booking.startTime ? `${formatDateTime(expiresAt, context.timeZone, cycle)} (${context.timeZone})` : null,
    decided: booking.status === 'pending' && !expiredUnswept ? null : alreadyDecided(expiredUnswept ? 'expired' : booking.status).message,
  };
}
