import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { isUuid } from '@/lib/ids';

// What the dashboard reads and writes of a meeting type: every editable field, nothing internal.
// A deleted meeting type (deleted_at set) is gone for every query here.

export const hostMeetingTypeColumns = {
  id: meetingTypes.id,
  name: meetingTypes.name,
  slug: meetingTypes.slug,
  description: meetingTypes.description,
  durationMinutes: meetingTypes.durationMinutes,
  bufferBeforeMinutes: meetingTypes.bufferBeforeMinutes,
  bufferAfterMinutes: meetingTypes.bufferAfterMinutes,
  minNoticeMinutes: meetingTypes.minNoticeMinutes,
  maxDaysInFuture: meetingTypes.maxDaysInFuture,
  slotIntervalMinutes: meetingTypes.slotIntervalMinutes,
  maxBookingsPerDay: meetingTypes.maxBookingsPerDay,
  location: meetingTypes.location,
  addVideoLink: meetingTypes.addVideoLink,
  color: meetingTypes.color,
  isActive: meetingTypes.isActive,
  isSecret: meetingTypes.isSecret,
  minChangeNoticeMinutes: meetingTypes.minChangeNoticeMinutes,
  contactLine: meetingTypes.contactLine,
  bookingQuestions: meetingTypes.bookingQuestions,
  scheduleId: meetingTypes.scheduleId,
  requiresConfirmation: meetingTypes.requiresConfirmation,
  autoDeclineAfterHours: meetingTypes.autoDeclineAfterHours,
  seatsPerSlot: meetingTypes.seatsPerSlot,
};

export interface HostMeetingType {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxDaysInFuture: number;
  slotIntervalMinutes: number | null;
  maxBookingsPerDay: number | null;
  location: string | null;
  addVideoLink: boolean;
  color: string | null;
  isActive: boolean;
  /** Not listed on the host's page, bookable by its URL. */
  isSecret: boolean;
  minChangeNoticeMinutes: number;
  /** How invitees reach the host once online changes are closed. */
  contactLine: string | null;
  /** As stored; storedBookingQuestions (booking-questions.ts) checks and types them. */
  bookingQuestions: unknown[];
  /** The schedule whose hours it offers; null follows the host's default schedule. */
  scheduleId: string | null;
  /** Bookings are requests the host approves; unanswered ones are declined after this many hours (null: at the start). */
  requiresConfirmation: boolean;
  autoDeclineAfterHours: number | null;
  /** A group event's invitees per start; null: one. */
  seatsPerSlot: number | null;
}

/** Not deleted, and (when given) owned by that host. */
export function liveMeetingType(meetingTypeId: string, hostUserId?: string) {
  return and(eq(meetingTypes.id, meetingTypeId), isNull(meetingTypes.deletedAt), hostUserId ? eq(meetingTypes.userId, hostUserId) : undefined);
}

/** The host of a meeting type that is not deleted; null for unknown, deleted or malformed ids. */
export async function ownerOfMeetingType(database: Queryable, meetingTypeId: string): Promise<string | null> {
  if (!isUuid(meetingTypeId)) return null;
  const [row] = await database.select({ userId: meetingTypes.userId }).from(meetingTypes).where(liveMeetingType(meetingTypeId));
  return row?.userId ?? null;
}
