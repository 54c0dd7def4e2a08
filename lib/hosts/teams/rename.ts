import { eq, sql } from 'drizzle-orm';
import { teams } from '@/db/schema';
import type { HostContext } from '../host-write';
import type { TeamSummary } from './create';
import { runTeamWrite } from './team-write';

/** A new name for the team (owners and admins); its slug, and so its public address, stays. */
export async function renameTeam(ctx: HostContext, input: { teamId: string; name: string }): Promise<TeamSummary> {
  return runTeamWrite(ctx, input.teamId, 'manager', async ({ tx, teamId }) => {
    const [team] = await tx.update(teams).set({ name: input.name, updatedAt: sql`now()` }).where(eq(teams.id, teamId)).returning({ id: teams.id, name: teams.name, slug: teams.slug });
    if (!team) throw new Error('team update returned no row');
    return team;
  });
}
