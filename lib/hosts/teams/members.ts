import { and, eq } from 'drizzle-orm';
import { type TeamRole, teamMembers } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { HostContext } from '../host-write';
import { assertAnotherOwner, roleIn, runTeamWrite, type TeamWrite } from './team-write';

// Roles and leaving. Owners and admins manage members, but only an owner may touch an owner (make one,
// demote one, remove one). A team always keeps an owner: the count is taken under the team row lock,
// so two owners removing each other at once cannot both pass.

const LAST_OWNER = 'A team needs an owner: make another member an owner first.';

async function targetRole(write: TeamWrite, userId: string): Promise<TeamRole> {
  const role = isUuid(userId) ? await roleIn(write, write.teamId, userId) : null;
  if (!role) throw notFound('Member');
  return role;
}

function assertMayTouch(write: TeamWrite, current: TeamRole, next?: TeamRole): void {
  if ((current === 'owner' || next === 'owner') && write.role !== 'owner') throw new AppError('forbidden', 'Only an owner can change an owner’s role or make someone an owner.');
}

export async function changeRole(ctx: HostContext, input: { teamId: string; userId: string; role: TeamRole }): Promise<{ userId: string; role: TeamRole }> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    const current = await targetRole(write, input.userId);
    assertMayTouch(write, current, input.role);
    if (current === 'owner' && input.role !== 'owner') await assertAnotherOwner(write, input.userId, LAST_OWNER);
    await write.tx.update(teamMembers).set({ role: input.role }).where(and(eq(teamMembers.teamId, write.teamId), eq(teamMembers.userId, input.userId)));
    return { userId: input.userId, role: input.role };
  });
}

/**
 * Deletes the membership (its meeting_type_hosts rows go with it) and records team/member-removed in
 * the same transaction, for the job that deals with their future team bookings. Bookings stay.
 */
async function removeMembership(write: TeamWrite, userId: string, removedByUserId: string): Promise<void> {
  await write.tx.delete(teamMembers).where(and(eq(teamMembers.teamId, write.teamId), eq(teamMembers.userId, userId)));
  write.touch(userId);
  await write.emit('team/member-removed', { teamId: write.teamId, userId, removedByUserId });
}

export async function removeMember(ctx: HostContext, input: { teamId: string; userId: string }): Promise<{ userId: string }> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    const current = await targetRole(write, input.userId);
    assertMayTouch(write, current);
    if (current === 'owner') await assertAnotherOwner(write, input.userId, LAST_OWNER);
    await removeMembership(write, input.userId, ctx.actor.userId);
    return { userId: input.userId };
  });
}

export async function leaveTeam(ctx: HostContext, input: { teamId: string }): Promise<{ teamId: string }> {
  return runTeamWrite(ctx, input.teamId, 'member', async (write) => {
    if (write.role === 'owner') await assertAnotherOwner(write, ctx.actor.userId, 'You are the team’s only owner: make another member an owner before you leave.');
    await removeMembership(write, ctx.actor.userId, ctx.actor.userId);
    return { teamId: write.teamId };
  });
}
