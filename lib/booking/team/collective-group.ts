import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import type { Actor } from '@/lib/hosts/actor';
import { type HostWrite, type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import type { BookingAccess } from '../find-booking';
import type { BookingRow } from '../insert-booking';

// A collective booking is its lead row (the invitee's) and one row per other member naming it. Every
// change takes every member's lock in uuid order and moves or cancels all rows together.

export interface CollectiveGroup {
  lead: BookingRow;
  members: BookingRow[];
}

/** The group a row belongs to; null for a booking that is no collective's (a personal or round-robin one). */
export async function loadCollectiveGroup(database: Queryable, row: BookingRow, options: { forUpdate?: boolean } = {}): Promise<CollectiveGroup | null> {
  const leadId = row.collectiveLeadId ?? row.id;
  const query = database.select().from(bookings).where(eq(bookings.collectiveLeadId, leadId)).orderBy(bookings.id);
  const members = options.forUpdate ? await query.for('update') : await query;
  if (row.collectiveLeadId === null && members.length === 0) return null;
  if (row.collectiveLeadId === null) return { lead: row, members };
  const leadQuery = database.select().from(bookings).where(eq(bookings.id, leadId));
  const [lead] = options.forUpdate ? await leadQuery.for('update') : await leadQuery;
  if (!lead) throw new Error(`collective lead ${leadId} is missing`);
  return { lead, members };
}

/** The group's rows still holding time (member rows are kept in step with the lead's status). */
export async function activeMemberRows(database: Queryable, leadId: string, statuses: BookingRow['status'][]): Promise<BookingRow[]> {
  return database
    .select()
    .from(bookings)
    .where(and(eq(bookings.collectiveLeadId, leadId), inArray(bookings.status, statuses)))
    .orderBy(bookings.id);
}

/**
 * Runs `work` under the locks of `hosts`, taken in uuid order so two changes never wait on each other
 * in a cycle. Who may act was settled by the booking's own check (its link, or a host of one of its
 * rows): the locks themselves are the booking service's.
 */
export function withMemberLocks<T>(deps: HostWriteDeps, hosts: readonly string[], work: (write: HostWrite) => Promise<T>): Promise<T> {
  const [first, ...rest] = [...new Set(hosts)].sort();
  if (!first) throw new Error('withMemberLocks: no host to lock');
  const actor: Actor = { kind: 'system', job: 'team-booking' };
  return runHostWrite(deps, { hostUserId: first, actor }, async (write) => {
    for (const host of rest) await runHostWrite(deps, { hostUserId: host, actor }, async () => undefined, { within: write });
    return work(write);
  });
}

/**
 * The lead's access for a change asked through any row of the group: an invitee's link is the lead's
 * own; a member acting on their row acts as a host of the booking (the lead host's rights).
 */
export function leadAccess(access: BookingAccess, lead: BookingRow): BookingAccess {
  return access.kind === 'invitee' ? access : { kind: 'host', userId: lead.hostUserId };
}
