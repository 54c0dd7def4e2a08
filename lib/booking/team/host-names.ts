import { eq, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, users } from '@/db/schema';
import type { BookingRow } from '../insert-booking';

/** Who the invitee of a team booking meets, by name: the assigned member, or every member of a collective (lead first). */
export async function teamHostNames(database: Queryable, lead: BookingRow): Promise<string[]> {
  const rows = await database
    .select({ id: bookings.id, name: users.name })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .where(or(eq(bookings.id, lead.id), eq(bookings.collectiveLeadId, lead.id)))
    .orderBy(bookings.id);
  return [...rows.filter((row) => row.id === lead.id), ...rows.filter((row) => row.id !== lead.id)].map((row) => row.name);
}

/** A team booking's result with its hosts, for the reply. */
export async function withTeamHosts<T extends { booking: BookingRow }>(database: Queryable, result: T): Promise<T & { hosts: string[] }> {
  return { ...result, hosts: await teamHostNames(database, result.booking) };
}
