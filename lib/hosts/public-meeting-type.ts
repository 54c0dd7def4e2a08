import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, users } from '@/db/schema';
import { isUuid, normaliseUsername } from '@/lib/ids';
import { type BookingQuestion, storedBookingQuestions } from './meeting-types/booking-questions';
import type { PublicMeetingType } from './public-profile';

/** One meeting type as an invitee may see it on its booking page: nothing private about the host. */
export interface PublicMeetingTypeDetails extends PublicMeetingType {
  /** How far ahead it can be booked, so the picker does not offer empty months. */
  maxDaysInFuture: number;
  isActive: boolean;
  /** Not listed on the host's page: its booking page is not indexed either. */
  isSecret: boolean;
  /** The invitee's cut-off for changes, and how to reach the host once it has passed. */
  minChangeNoticeMinutes: number;
  contactLine: string | null;
  /** What the booking form asks, in order (the host's own words: labels, help, options). */
  questions: BookingQuestion[];
  /** Each booking is a request the host must approve: the page says so before the invitee books. */
  requiresConfirmation: boolean;
  /** Where the meeting happens (an address, phone or video link), for the invitee's calendar entry. */
  host: { username: string; name: string; timeZone: string };
}

/** What a booking page shows of a meeting type, whoever owns it (a host, or a team: lib/hosts/public-team.ts). */
export const publicMeetingTypeColumns = {
  id: meetingTypes.id,
  slug: meetingTypes.slug,
  name: meetingTypes.name,
  description: meetingTypes.description,
  durationMinutes: meetingTypes.durationMinutes,
  color: meetingTypes.color,
  maxDaysInFuture: meetingTypes.maxDaysInFuture,
  minChangeNoticeMinutes: meetingTypes.minChangeNoticeMinutes,
  contactLine: meetingTypes.contactLine,
  isSecret: meetingTypes.isSecret,
  bookingQuestions: meetingTypes.bookingQuestions,
  requiresConfirmation: meetingTypes.requiresConfirmation,
};

async function selectOne(database: Queryable, where: SQL | undefined): Promise<PublicMeetingTypeDetails | null> {
  const [row] = await database
    .select({
      ...publicMeetingTypeColumns,
      // A deleted meeting type counts as switched off: its bookings can be managed, not made. So does
      // every meeting type of a host who has not confirmed their email address yet.
      isActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null and ${users.emailVerified} is not null)`,
      hostUsername: users.username,
      hostName: users.name,
      hostTimeZone: users.timeZone,
    })
    .from(meetingTypes)
    .innerJoin(users, eq(users.id, meetingTypes.userId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const { hostUsername, hostName, hostTimeZone, bookingQuestions, ...meetingType } = row;
  return { ...meetingType, questions: storedBookingQuestions(bookingQuestions), host: { username: hostUsername, name: hostName, timeZone: hostTimeZone } };
}

/** The active meeting type at /{username}/{slug}; null when either is unknown, malformed or inactive. */
export async function findPublicMeetingType(database: Queryable, username: string, slug: string): Promise<PublicMeetingTypeDetails | null> {
  const normalised = normaliseUsername(username);
  if (!normalised || slug.length === 0 || slug.length > 255) return null;
  return selectOne(database, and(eq(users.username, normalised), eq(meetingTypes.slug, slug), eq(meetingTypes.isActive, true), isNull(meetingTypes.deletedAt), isNotNull(users.emailVerified)));
}

/**
 * The meeting type a booking was made for, active or not: an invitee may still manage a booking after
 * the host has switched the meeting type off. Null for an unknown or malformed id.
 */
export async function findPublicMeetingTypeById(database: Queryable, meetingTypeId: string): Promise<PublicMeetingTypeDetails | null> {
  if (!isUuid(meetingTypeId)) return null;
  return selectOne(database, eq(meetingTypes.id, meetingTypeId));
}
