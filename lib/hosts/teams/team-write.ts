import { and, eq, sql } from 'drizzle-orm';
import { type TeamRole, teamMembers } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { type HostContext, type HostWrite, runHostWrite } from '../host-write';

// Every team write: through the host write seam as the acting member (their lock, one transaction,
// the outbox), then the team row FOR UPDATE, so two writes to one team's members (two owners removing
// each other) run one after the other and each sees what the other left. Membership is read under
// that lock: someone who is not a member gets the same 404 as for a team that does not exist.

export interface TeamWrite extends HostWrite {
  /** The seam's own write, for joining its transaction (`runHostWrite(…, { within })`). */
  readonly host: HostWrite;
  readonly teamId: string;
  /** The acting host's role in the team, read under the team lock. */
  readonly role: TeamRole;
  /** Marks a member whose team slots this write changes: their availability version is bumped after commit. */
  touch(userId: string): void;
}

/** Who may do what: owners and admins manage members and meeting types; members only look. */
export type TeamNeed = 'member' | 'manager';

export const mayManage = (role: TeamRole) => role === 'owner' || role === 'admin';

export function notManager(): AppError {
  return new AppError('forbidden', 'Only the team’s owners and admins can do this.');
}

export async function runTeamWrite<T>(ctx: HostContext, teamId: string, need: TeamNeed, work: (write: TeamWrite) => Promise<T>): Promise<T> {
  if (!isUuid(teamId)) throw notFound('Team');
  let touched = new Set<string>();
  const result = await runHostWrite(ctx, { hostUserId: ctx.actor.userId, actor: ctx.actor }, async (write) => {
    // A retried attempt starts over.
    touched = new Set();
    const locked = await write.tx.execute(sql`select id from teams where id = ${teamId} for update`);
    if (locked.length === 0) throw notFound('Team');
    const role = await roleIn(write, teamId, ctx.actor.userId);
    if (!role) throw notFound('Team');
    if (need === 'manager' && !mayManage(role)) throw notManager();
    return work({ ...write, host: write, teamId, role, touch: (userId) => touched.add(userId) });
  });
  // Team availability is cached under its members' versions: a changed member list or team meeting
  // type must show on the next request, as a host's own change does.
  for (const userId of touched) await bumpHostVersion(ctx.store, userId);
  return result;
}

/** A host's role in a team, or null when they are not a member. */
export async function roleIn(write: Pick<HostWrite, 'tx'>, teamId: string, userId: string): Promise<TeamRole | null> {
  const [row] = await write.tx.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row?.role ?? null;
}

/** Refuses leaving a team without an owner (counted under the team lock). */
export async function assertAnotherOwner(write: TeamWrite, leavingUserId: string, message: string): Promise<void> {
  const owners = await write.tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, write.teamId), eq(teamMembers.role, 'owner')));
  if (!owners.some((owner) => owner.userId !== leavingUserId)) throw new AppError('unprocessable', message);
}
