import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { type BookingStatus, bookings } from '@/db/schema';
import { requireDatabaseUrl } from '@/lib/env';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { BOOKINGS_PAGE_SIZE, type BookingListQuery, type BookingTab, bookingListQuerySchema } from '@/lib/hosts/bookings/schemas';
import { createHost, createMeetingType, uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';

// The dashboard's booking list: tabs, keyset pages, search. `now` is fixed, so no row's tab
// depends on when the suite runs.

const database = connectTestDatabase();
const NOW = new Date('2027-03-01T12:00:00.000Z');
const HALF_HOUR = 30 * 60_000;

async function hostWithType() {
  const host = await createHost(database);
  const meetingType = await createMeetingType(database, host.id, { name: 'Intro call' });
  return { host, meetingType };
}

interface Row {
  start: number;
  status?: BookingStatus;
  name?: string;
  email?: string;
}

async function addBookings(hostUserId: string, meetingTypeId: string, rows: Row[]) {
  const inserted = await database
    .insert(bookings)
    .values(
      rows.map((row) => {
        const suffix = uniqueSuffix();
        const status = row.status ?? 'confirmed';
        return {
          hostUserId,
          meetingTypeId,
          inviteeName: row.name ?? `Invitee ${suffix}`,
          inviteeEmail: row.email ?? `invitee-${suffix}@example.test`,
          inviteeTimezone: 'UTC',
          startTime: new Date(row.start),
          endTime: new Date(row.start + HALF_HOUR),
          status,
          cancelledAt: status === 'cancelled' ? NOW : null,
          // A request carries its approval token and deadline; a refused one, when it was decided.
          ...(status === 'pending' ? { approvalTokenHash: `approve-${suffix}`, approvalExpiresAt: new Date(row.start) } : {}),
          ...(status === 'declined' || status === 'expired' ? { decidedAt: NOW } : {}),
          cancelTokenHash: `cancel-${suffix}`,
          rescheduleTokenHash: `reschedule-${suffix}`,
        };
      }),
    )
    .returning({ id: bookings.id, start: bookings.startTime });
  return inserted;
}

const query = (tab: BookingTab, q = ''): BookingListQuery => ({ tab, q, cursor: undefined });

/** Follows every next-page cursor through the URL schema, as the page does; the ids in order. */
async function allPages(hostUserId: string, tab: BookingTab, q = ''): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const parsed = bookingListQuerySchema.parse({ tab, q, ...(cursor ? { cursor } : {}) });
    const page = await listHostBookings(database, hostUserId, parsed, NOW);
    expect(page.items.length).toBeLessThanOrEqual(BOOKINGS_PAGE_SIZE);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, pages };
}

describe('tabs', () => {
  it('puts confirmed future bookings in Upcoming soonest first, ended ones in Past latest first, cancelled in Cancelled; rescheduled nowhere', async () => {
    const { host, meetingType } = await hostWithType();
    const t = NOW.getTime();
    const [pastOld, pastRecent, inProgress, soon, later] = await addBookings(host.id, meetingType.id, [
      { start: t - 10 * HALF_HOUR },
      { start: t - 2 * HALF_HOUR },
      { start: t - HALF_HOUR / 2 },
      { start: t + 2 * HALF_HOUR },
      { start: t + 10 * HALF_HOUR },
    ]);
    const [cancelledEarly, cancelledLate] = await addBookings(host.id, meetingType.id, [
      { start: t + 2 * HALF_HOUR, status: 'cancelled' },
      { start: t + 20 * HALF_HOUR, status: 'cancelled' },
    ]);
    await addBookings(host.id, meetingType.id, [{ start: t + 30 * HALF_HOUR, status: 'rescheduled' }]);
    const ids = async (tab: BookingTab) => (await listHostBookings(database, host.id, query(tab), NOW)).items.map((item) => item.id);
    expect(await ids('upcoming')).toEqual([inProgress!.id, soon!.id, later!.id]);
    expect(await ids('past')).toEqual([pastRecent!.id, pastOld!.id]);
    expect(await ids('cancelled')).toEqual([cancelledLate!.id, cancelledEarly!.id]);
  });

  it('puts requests awaiting approval in Pending soonest first, and declined or expired ones with the cancellations', async () => {
    const { host, meetingType } = await hostWithType();
    const t = NOW.getTime();
    const [later, soon] = await addBookings(host.id, meetingType.id, [
      { start: t + 10 * HALF_HOUR, status: 'pending' },
      { start: t + 2 * HALF_HOUR, status: 'pending' },
    ]);
    const [declined, expired] = await addBookings(host.id, meetingType.id, [
      { start: t + 4 * HALF_HOUR, status: 'declined' },
      { start: t + 6 * HALF_HOUR, status: 'expired' },
    ]);
    const ids = async (tab: BookingTab) => (await listHostBookings(database, host.id, query(tab), NOW)).items.map((item) => item.id);
    expect(await ids('pending')).toEqual([soon!.id, later!.id]);
    expect(await ids('upcoming')).toEqual([]);
    expect(await ids('cancelled')).toEqual([expired!.id, declined!.id]);
  });

  it('lists only the host’s own bookings, with the meeting type’s name', async () => {
    const { host, meetingType } = await hostWithType();
    const other = await hostWithType();
    await addBookings(other.host.id, other.meetingType.id, [{ start: NOW.getTime() + HALF_HOUR }]);
    const [own] = await addBookings(host.id, meetingType.id, [{ start: NOW.getTime() + HALF_HOUR, name: 'Ann Lee', email: 'ann@example.test' }]);
    const page = await listHostBookings(database, host.id, query('upcoming'), NOW);
    expect(page.items).toEqual([
      { id: own!.id, inviteeName: 'Ann Lee', inviteeEmail: 'ann@example.test', start: own!.start, end: new Date(own!.start.getTime() + HALF_HOUR), meetingTypeName: 'Intro call', teamName: null, status: 'confirmed', cancelledBy: null, cancellationReason: null, noShow: false, newTimeRequested: false, seats: null },
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('reads a page in one query', async () => {
    const { host, meetingType } = await hostWithType();
    await addBookings(host.id, meetingType.id, [{ start: NOW.getTime() + HALF_HOUR }]);
    const statements: string[] = [];
    const counted = createDatabase(requireDatabaseUrl(), { max: 1, onQuery: (text) => statements.push(text) });
    try {
      await counted.execute(sql`select 1`); // the connection's own setup is not the page's
      statements.length = 0;
      await listHostBookings(counted, host.id, query('upcoming', 'invitee'), NOW);
    } finally {
      await counted.close();
    }
    expect(statements).toHaveLength(1);
  });
});

describe('keyset pages', () => {
  it('returns every upcoming and every past booking exactly once across pages', async () => {
    const { host, meetingType } = await hostWithType();
    const t = NOW.getTime();
    const future = await addBookings(host.id, meetingType.id, Array.from({ length: 61 }, (_, i) => ({ start: t + (i + 1) * HALF_HOUR })));
    const past = await addBookings(host.id, meetingType.id, Array.from({ length: 50 }, (_, i) => ({ start: t - (i + 2) * HALF_HOUR })));
    const upcoming = await allPages(host.id, 'upcoming');
    expect(upcoming.pages).toBe(3);
    expect(upcoming.ids).toEqual(future.map((row) => row.id));
    const ended = await allPages(host.id, 'past');
    expect(ended.pages).toBe(2);
    expect(ended.ids).toEqual(past.map((row) => row.id));
  });

  it('breaks ties on the start time by id and keeps microseconds exact, so rows sharing a start are neither skipped nor repeated', async () => {
    const { host, meetingType } = await hostWithType();
    const start = NOW.getTime() + 4 * HALF_HOUR;
    const sameStart = await addBookings(host.id, meetingType.id, Array.from({ length: 40 }, () => ({ start, status: 'cancelled' as const })));
    // Starts a Date cannot hold: the same millisecond, different microseconds.
    const micro = await addBookings(host.id, meetingType.id, Array.from({ length: 12 }, () => ({ start: start + HALF_HOUR, status: 'cancelled' as const })));
    for (const [i, row] of micro.entries()) {
      await database.execute(sql`update bookings set start_time = start_time + make_interval(secs => ${(i + 1) / 1_000_000}) where id = ${row.id}`);
    }
    const { ids, pages } = await allPages(host.id, 'cancelled');
    expect(pages).toBe(3);
    expect(ids).toHaveLength(52);
    expect(new Set(ids)).toEqual(new Set([...sameStart, ...micro].map((row) => row.id)));
    // Latest first: the microsecond rows, newest first, then the shared start in descending id order.
    expect(ids.slice(0, 12)).toEqual(micro.map((row) => row.id).reverse());
    expect(ids.slice(12)).toEqual(sameStart.map((row) => row.id).sort().reverse());
  });

  it('a tampered cursor reads as the first page', async () => {
    const { host, meetingType } = await hostWithType();
    await addBookings(host.id, meetingType.id, [{ start: NOW.getTime() + HALF_HOUR }]);
    for (const cursor of ['not-base64!', Buffer.from('["yesterday","x"]').toString('base64url'), 'A'.repeat(500)]) {
      const parsed = bookingListQuerySchema.parse({ cursor });
      expect(parsed.cursor).toBeUndefined();
      expect((await listHostBookings(database, host.id, parsed, NOW)).items).toHaveLength(1);
    }
  });
});

describe('search', () => {
  async function searchable() {
    const { host, meetingType } = await hostWithType();
    const t = NOW.getTime();
    const rows = await addBookings(host.id, meetingType.id, [
      { start: t + 1 * HALF_HOUR, name: 'Ann Lee', email: 'a.lee@example.test' },
      { start: t + 2 * HALF_HOUR, name: 'Bob Stone', email: 'ANNA@Example.test' },
      { start: t + 3 * HALF_HOUR, name: '100% Sure', email: 'sure@example.test' },
      { start: t + 4 * HALF_HOUR, name: 'Under_Score', email: 'us@example.test' },
      { start: t + 5 * HALF_HOUR, name: 'UnderXScore', email: 'ux@example.test' },
      { start: t + 6 * HALF_HOUR, name: 'Back\\slash', email: 'bs@example.test' },
    ]);
    const names = async (q: string) =>
      (await listHostBookings(database, host.id, bookingListQuerySchema.parse({ q }), NOW)).items.map((item) => item.inviteeName);
    return { rows, names };
  }

  it('matches the name or the email, ignoring case', async () => {
    const { names } = await searchable();
    expect(await names('ann')).toEqual(['Ann Lee', 'Bob Stone']);
    expect(await names('LEE')).toEqual(['Ann Lee']);
    expect(await names('example.TEST')).toHaveLength(6);
  });

  it('treats % and _ (and the escape character) as themselves', async () => {
    const { names } = await searchable();
    expect(await names('%')).toEqual(['100% Sure']);
    expect(await names('_')).toEqual(['Under_Score']);
    expect(await names('r_s')).toEqual(['Under_Score']);
    expect(await names('\\')).toEqual(['Back\\slash']);
  });

  it('keeps to the tab, and pages through matches only', async () => {
    const { host, meetingType } = await hostWithType();
    const t = NOW.getTime();
    const matching = await addBookings(host.id, meetingType.id, Array.from({ length: 30 }, (_, i) => ({ start: t + (2 * i + 1) * HALF_HOUR, name: `Carol ${i}` })));
    await addBookings(host.id, meetingType.id, Array.from({ length: 30 }, (_, i) => ({ start: t + (2 * i + 2) * HALF_HOUR, name: `Dave ${i}` })));
    await addBookings(host.id, meetingType.id, [{ start: t - 4 * HALF_HOUR, name: 'Carol past' }]);
    const { ids, pages } = await allPages(host.id, 'upcoming', 'carol');
    expect(pages).toBe(2);
    expect(ids).toEqual(matching.map((row) => row.id));
  });

  it('bounds the search to 100 characters and drops control characters', () => {
    expect(bookingListQuerySchema.parse({ q: `  ${'x'.repeat(300)}` }).q).toHaveLength(100);
    expect(bookingListQuerySchema.parse({ q: 'ann\u0000lee' }).q).toBe('ann lee');
  });
});
