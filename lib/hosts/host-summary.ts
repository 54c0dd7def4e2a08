import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';

/** What the dashboard shows of the signed-in host everywhere: name, public username, zone. */
export interface HostSummary {
  id: string;
  name: string;
  email: string;
  username: string;
  timeZone: string;
}

export async function findHostSummary(database: Queryable, hostUserId: string): Promise<HostSummary | null> {
  const [row] = await database
    .select({ id: users.id, name: users.name, email: users.email, username: users.username, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, hostUserId));
  return row ?? null;
}
