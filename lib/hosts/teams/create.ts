import { teamMembers, teams } from '@/db/schema';
import { constraintOf, fieldError, sqlStateOf } from '@/lib/errors';
import { type HostContext, runHostWrite } from '../host-write';
import { isReservedUsername } from '../accounts/usernames';
import { isReleasedTeamSlug } from './delete';

export interface TeamSummary {
  id: string;
  name: string;
  slug: string;
}

const slugTaken = (cause?: unknown) => fieldError('conflict', 'slug', 'Another team already uses this URL; pick another.', { summary: 'Please check the highlighted fields.', cause });

/** A new team; the acting host becomes its first owner. A slug in use (also under a race) is a field error. */
export async function createTeam(ctx: HostContext, input: { name: string; slug: string }): Promise<TeamSummary> {
  // /team/{slug} does not clash with usernames, but "new" or "api" as a team would read like an app route.
  // A deleted team's released slug (`deleted-{id}`) is not for taking either.
  if (isReservedUsername(input.slug) || isReleasedTeamSlug(input.slug)) throw fieldError('conflict', 'slug', 'That name is reserved; pick another.', { summary: 'Please check the highlighted fields.' });
  try {
    return await runHostWrite(ctx, { hostUserId: ctx.actor.userId, actor: ctx.actor }, async ({ tx, hostUserId }) => {
      const [team] = await tx.insert(teams).values(input).returning({ id: teams.id, name: teams.name, slug: teams.slug });
      if (!team) throw new Error('team insert returned no row');
      await tx.insert(teamMembers).values({ teamId: team.id, userId: hostUserId, role: 'owner' });
      return team;
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505' && constraintOf(error) === 'teams_slug_unique') throw slugTaken(error);
    throw error;
  }
}
