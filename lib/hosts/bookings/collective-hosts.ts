import { eq, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, users } from '@/db/schema';

/**
 * The names of a booking's hosts: the host of `leadId` first, then the host of each collective member
 * row naming it (a round-robin or personal booking has only the first).
 */
export async function bookingHostNames(database: Queryable, leadId: string): Promise<string[]> {
  const rows = await database
    .select({ id: bookings.id, name: users.name })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .where(or(eq(bookings.id, leadId), eq(bookings.collectiveLeadId, leadId)))
    .orderBy(bookings.id);
  return [...rows.filter((row) => row.id === leadId), ...rows.filter((row) => row.id !== leadId)].map((row) => row.name);
}
