import type { Queryable } from '@/db/client';
import { bookingHostNames } from '@/lib/hosts/bookings/collective-hosts';
import type { BookingRow } from '../insert-booking';

/** A team booking's result with its hosts for the reply: the assigned member, or every member of a collective (lead first). */
export async function withTeamHosts<T extends { booking: BookingRow }>(database: Queryable, result: T): Promise<T & { hosts: string[] }> {
  return { ...result, hosts: await bookingHostNames(database, result.booking.id) };
}
