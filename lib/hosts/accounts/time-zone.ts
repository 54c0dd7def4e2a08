import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { timeZoneField } from '@/lib/api-fields';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';

// The host's zone is where their weekly hours and date overrides are read, so changing it moves
// their slots: it goes through the write seam, which bumps the availability version after commit.

export const hostTimeZoneSchema = z.object({ timeZone: timeZoneField });

export async function changeHostTimeZone(deps: HostWriteDeps, hostUserId: string, timeZone: string): Promise<{ timeZone: string }> {
  return runHostWrite(deps, { hostUserId, actor: { kind: 'host', userId: hostUserId } }, async ({ tx }) => {
    await tx.update(users).set({ timeZone }).where(eq(users.id, hostUserId));
    return { timeZone };
  });
}
