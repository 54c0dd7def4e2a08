import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { hourCyclePreferences } from '@/lib/hosts/host-clock';

// The host's 12/24-hour clock for the dashboard and their emails. Through the seam like every host
// write, though no slot moves: one path for who may change what.

export const clockPreferenceSchema = z.object({ hourCycle: z.enum(hourCyclePreferences, 'Choose a clock') });
export type ClockPreference = z.infer<typeof clockPreferenceSchema>;

export async function setClockPreference(ctx: HostContext, input: ClockPreference): Promise<ClockPreference> {
  const hostUserId = ctx.actor.userId;
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    await tx.update(users).set({ hourCycle: input.hourCycle }).where(eq(users.id, hostUserId));
  });
  return { hourCycle: input.hourCycle };
}
