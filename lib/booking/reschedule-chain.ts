import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';

// A reschedule chain is short (each move needs a free slot and the change window); the bound only
// guards against a cycle written by hand into the database.
const MAX_CHAIN_HOPS = 50;

/**
 * The first booking of the reschedule chain and how many moves separate it from this one: calendar
 * files use the root as the stable UID and the hops as the SEQUENCE, so a calendar updates one entry.
 */
export async function rescheduleChainRoot(database: Queryable, booking: { id: string; rescheduledFromId: string | null }) {
  let current = booking;
  let hops = 0;
  while (current.rescheduledFromId && hops < MAX_CHAIN_HOPS) {
    const [previous] = await database
      .select({ id: bookings.id, rescheduledFromId: bookings.rescheduledFromId })
      .from(bookings)
      .where(eq(bookings.id, current.rescheduledFromId));
    if (!previous) break; // Archived past the retention window: the oldest one left is the root.
    current = previous;
    hops += 1;
  }
  return { rootId: current.id, hops };
}

/** The UID every calendar file of this chain carries. */
export function inviteUid(rootId: string): string {
  return `${rootId}@rendezvous`;
}
