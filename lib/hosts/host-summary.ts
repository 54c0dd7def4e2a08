import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { type HourCycle, resolveHourCycle } from './host-clock';

/** What the dashboard shows of the signed-in host everywhere: name, public username, zone. */
export interface HostSummary {
  id: string;
  name: string;
  email: string;
  username: string;
  timeZone: string;
  /** False until the host confirms their address (the dashboard shows a banner; no bookings yet). */
  emailVerified: boolean;
  /** The clock every time on the dashboard is read on (host-clock.ts). */
  hourCycle: HourCycle;
}

export async function findHostSummary(database: Queryable, hostUserId: string): Promise<HostSummary | null> {
  const [row] = await database
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      timeZone: users.timeZone,
      emailVerified: sql<boolean>`${users.emailVerified} is not null`,
      hourCycle: users.hourCycle,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, hostUserId));
  if (!row) return null;
  const { locale, ...summary } = row;
  return { ...summary, hourCycle: resolveHourCycle({ hourCycle: row.hourCycle, locale }) };
}
