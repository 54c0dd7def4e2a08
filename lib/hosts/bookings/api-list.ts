import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { type BookingChanger, type BookingStatus, bookingStatuses, bookings, meetingTypes } from '@/db/schema';
import { instantField } from '@/lib/api-fields';
import { afterCursor, cursorStartColumn, keysetPage } from './list';
import { bookingCursorField } from './schemas';

// The host API's booking list: filtered by status and a start range, soonest first, keyset-paginated
// on (start_time, id) with the dashboard's opaque cursor. Unlike the dashboard's list, a bad query or
// cursor is refused (400) rather than read as the first page: a script must learn it asked wrongly.

export const MAX_API_PAGE_SIZE = 100;

export const apiBookingListQuerySchema = z
  .strictObject({
    status: z.enum(bookingStatuses).optional(),
    /** Bookings starting at or after this instant. */
    from: instantField.optional(),
    /** Bookings starting before this instant. */
    to: instantField.optional(),
    cursor: bookingCursorField.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_API_PAGE_SIZE).default(25),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, { message: '`to` must be after `from`', path: ['to'] });
export type ApiBookingListQuery = z.infer<typeof apiBookingListQuerySchema>;

export interface ApiBookingListItem {
  id: string;
  status: BookingStatus;
  meetingTypeId: string;
  meetingTypeName: string;
  start: Date;
  end: Date;
  inviteeName: string;
  inviteeEmail: string;
  inviteeTimeZone: string;
  noShow: boolean;
  cancelledBy: BookingChanger | null;
  cancellationReason: string | null;
  createdAt: Date;
}

export async function listBookingsForApi(
  database: Queryable,
  hostUserId: string,
  query: ApiBookingListQuery,
): Promise<{ items: ApiBookingListItem[]; nextCursor: string | null }> {
  const rows = await database
    .select({
      id: bookings.id,
      status: bookings.status,
      meetingTypeId: bookings.meetingTypeId,
      meetingTypeName: meetingTypes.name,
      start: bookings.startTime,
      end: bookings.endTime,
      inviteeName: bookings.inviteeName,
      inviteeEmail: bookings.inviteeEmail,
      inviteeTimeZone: bookings.inviteeTimezone,
      noShow: sql<boolean>`${bookings.noShowAt} is not null`,
      cancelledBy: bookings.cancelledBy,
      cancellationReason: bookings.cancellationReason,
      createdAt: bookings.createdAt,
      cursorStart: cursorStartColumn,
    })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .where(
      and(
        eq(bookings.hostUserId, hostUserId),
        query.status ? eq(bookings.status, query.status) : undefined,
        query.from === undefined ? undefined : gte(bookings.startTime, new Date(query.from)),
        query.to === undefined ? undefined : lt(bookings.startTime, new Date(query.to)),
        query.cursor ? afterCursor(query.cursor, true) : undefined,
      ),
    )
    .orderBy(asc(bookings.startTime), asc(bookings.id))
    .limit(query.limit + 1);
  return keysetPage(rows, query.limit);
}
