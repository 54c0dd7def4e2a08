import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import type { TimeZoneInput } from './schemas';

// The zone the weekly hours and overrides are read in: changing it moves every slot, hence the seam.

export async function setTimeZone(ctx: HostContext, input: TimeZoneInput): Promise<TimeZoneInput> {
  const hostUserId = ctx.actor.userId;
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, hostUserId));
  });
  return { timeZone: input.timeZone };
}
