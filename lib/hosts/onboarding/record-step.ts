import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { hostOnboarding } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';

// What the host tells the checklist: "these hours are right", "I copied my link", "put the list
// away". It changes no slots, so it skips the host write seam (and leaves cached slots alone).

export const onboardingMarkSchema = z.object({ mark: z.enum(['hoursChecked', 'linkCopied', 'dismissed']) });
export type OnboardingMark = z.infer<typeof onboardingMarkSchema>;

const COLUMNS = { hoursChecked: 'hoursCheckedAt', linkCopied: 'linkCopiedAt', dismissed: 'dismissedAt' } as const;

/** Records the mark once: doing it again keeps the first time. */
export async function recordOnboardingMark(ctx: HostContext, input: OnboardingMark): Promise<OnboardingMark> {
  const column = hostOnboarding[COLUMNS[input.mark]];
  await ctx.database
    .insert(hostOnboarding)
    .values({ userId: ctx.actor.userId, [COLUMNS[input.mark]]: new Date(ctx.now) })
    .onConflictDoUpdate({ target: hostOnboarding.userId, set: { [COLUMNS[input.mark]]: sql`coalesce(${column}, excluded.${sql.identifier(column.name)})` } });
  return input;
}
