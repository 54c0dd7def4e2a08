import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type BookingChanger, type BookingStatus, bookings, meetingTypes, teams } from '@/db/schema';
import { BOOKINGS_PAGE_SIZE, type BookingCursor, type BookingListQuery, type BookingTab, encodeBookingCursor } from './schemas';

// The dashboard's booking list: one query per page, keyset-paginated on (start_time, id) so page 400
// costs what page 1 costs. idx_bookings_host_time (host_user_id, start_time, end_time) serves every
// tab: it is walked in start order and the end_time test is checked inside the index.

export interface BookingListItem {
  id: string;
  inviteeName: string;
  inviteeEmail: string;
  start: Date;
  end: Date;
  meetingTypeName: string;
  /** A team type's team: the booking was assigned to this host (round robin) or they attend with the team (collective). */
  teamName: string | null;
  status: BookingStatus;
  /** Cancelled tab: who cancelled (null when not recorded) and why. */
  cancelledBy: BookingChanger | null;
  cancellationReason: string | null;
  noShow: boolean;
  newTimeRequested: boolean;
  /** A group event's seat: confirmed seats at its occasion now, and seats per time; null for an ordinary booking. */
  seats: { taken: number; total: number } | null;
}

export interface BookingListPage {
  items: BookingListItem[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

/** `text` as a LIKE pattern that matches it literally anywhere: %, _ and the escape character are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function tabFilter(tab: BookingTab, now: Date): SQL | undefined {
  // A refused request never became a meeting: it is listed with the cancellations.
  if (tab === 'cancelled') return inArray(bookings.status, ['cancelled', 'declined', 'expired']);
  if (tab === 'pending') return eq(bookings.status, 'pending');
  // Rescheduled rows are history of their successor, never listed on their own.
  return and(eq(bookings.status, 'confirmed'), tab === 'upcoming' ? gt(bookings.endTime, now) : lte(bookings.endTime, now));
}

/** A booking's start exactly as Postgres stores it (µs), so a cursor never skips or repeats a row a Date would round. */
export const cursorStartColumn = sql<string>`to_char(${bookings.startTime} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of rows fetched with `limit + 1`: the page without its cursor column, and the next page's cursor. */
export function keysetPage<T extends { id: string; cursorStart: string }>(rows: T[], limit: number): { items: Omit<T, 'cursorStart'>[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorStart: _cursorStart, ...item }) => item),
    nextCursor: rows.length > limit && last ? encodeBookingCursor({ start: last.cursorStart, id: last.id }) : null,
  };
}

/** Rows after the cursor in the tab's order; written so its first half bounds the index scan. */
export function afterCursor(cursor: BookingCursor, ascending: boolean): SQL | undefined {
  const start = sql`${cursor.start}::timestamptz`;
  return ascending
    ? and(gte(bookings.startTime, start), or(gt(bookings.startTime, start), gt(bookings.id, cursor.id)))
    : and(lte(bookings.startTime, start), or(lt(bookings.startTime, start), lt(bookings.id, cursor.id)));
}

/** Upcoming and Pending: soonest first. Past and Cancelled: latest first. */
export async function listHostBookings(database: Queryable, hostUserId: string, query: BookingListQuery, now: Date): Promise<BookingListPage> {
  const ascending = query.tab === 'upcoming' || query.tab === 'pending';
  const search = query.q ? containsPattern(query.q) : null;
  const order = ascending ? asc : desc;
  const rows = await database
    .select({
      id: bookings.id,
      inviteeName: bookings.inviteeName,
      inviteeEmail: bookings.inviteeEmail,
      start: bookings.startTime,
      end: bookings.endTime,
      meetingTypeName: meetingTypes.name,
      teamName: teams.name,
      status: bookings.status,
      cancelledBy: bookings.cancelledBy,
      // A declined request's reason reads like a cancellation's.
      cancellationReason: sql<string | null>`coalesce(${bookings.cancellationReason}, ${bookings.declineReason})`,
      noShow: sql<boolean>`${bookings.noShowAt} is not null`,
      newTimeRequested: sql<boolean>`${bookings.newTimeRequestedAt} is not null`,
      seatsTotal: meetingTypes.seatsPerSlot,
      // Only seats pay for the count (idx_bookings_seat_key); ordinary rows read null.
      seatsTaken: sql<number | null>`case when ${bookings.seatKey} is not null then (select count(*)::int from bookings seat where seat.seat_key = ${bookings.seatKey} and seat.status = 'confirmed') end`,
      cursorStart: cursorStartColumn,
    })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .leftJoin(teams, eq(teams.id, meetingTypes.teamId))
    .where(
      and(
        eq(bookings.hostUserId, hostUserId),
        tabFilter(query.tab, now),
        search ? or(ilike(bookings.inviteeName, search), ilike(bookings.inviteeEmail, search)) : undefined,
        query.cursor ? afterCursor(query.cursor, ascending) : undefined,
      ),
    )
    .orderBy(order(bookings.startTime), order(bookings.id))
    .limit(BOOKINGS_PAGE_SIZE + 1);
  const { items, nextCursor } = keysetPage(rows, BOOKINGS_PAGE_SIZE);
  return {
    items: items.map(({ seatsTaken, seatsTotal, ...item }) => ({
      ...item,
      seats: seatsTaken !== null && seatsTotal !== null ? { taken: seatsTaken, total: seatsTotal } : null,
    })),
    nextCursor,
  };
}
