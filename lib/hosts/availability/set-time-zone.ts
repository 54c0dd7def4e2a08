import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import type { TimeZoneInput } from './schemas';

// The zone the weekly hours and overrides are read in: changing it moves every slot, hence the seam.

export async function setTimeZone(deps: HostWriteDeps, hostUserId: string, input: TimeZoneInput): Promise<TimeZoneInput> {
  await runHostWrite(deps, { hostUserId, actor: { kind: 'host', userId: hostUserId } }, async ({ tx }) => {
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, hostUserId));
  });
  return { timeZone: input.timeZone };
}
