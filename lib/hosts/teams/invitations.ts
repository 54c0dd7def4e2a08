import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type TeamRole, teamInvitations, teamMembers, users } from '@/db/schema';
import { AppError, fieldError, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { HostContext } from '../host-write';
import { INVITATION_LIFETIME_MS, invitationTokenHash } from './invitation-tokens';
import { runTeamWrite, type TeamWrite } from './team-write';

// Invite, revoke and resend: owners and admins only; only an owner may invite another owner. An
// address has at most one open invitation per team (a partial unique index): inviting it again, or
// resending, replaces the open one with a new row, so only the newest mail's link works.

export interface OpenInvitation {
  id: string;
  email: string;
  role: TeamRole;
  expiresAt: Date;
}

const columns = { id: teamInvitations.id, email: teamInvitations.email, role: teamInvitations.role, expiresAt: teamInvitations.expiresAt };

const openInvitation = (teamId: string) => and(eq(teamInvitations.teamId, teamId), isNull(teamInvitations.acceptedAt), isNull(teamInvitations.revokedAt));

async function issueInvitation(write: TeamWrite, ctx: HostContext, email: string, role: TeamRole): Promise<OpenInvitation> {
  await write.tx
    .update(teamInvitations)
    .set({ revokedAt: new Date(ctx.now) })
    .where(and(openInvitation(write.teamId), eq(teamInvitations.email, email)));
  const id = randomUUID();
  const [created] = await write.tx
    .insert(teamInvitations)
    .values({ id, teamId: write.teamId, email, role, tokenHash: invitationTokenHash(id), invitedByUserId: ctx.actor.userId, expiresAt: new Date(ctx.now + INVITATION_LIFETIME_MS) })
    .returning(columns);
  if (!created) throw new Error('invitation insert returned no row');
  await write.emit('team/invitation-requested', { invitationId: id });
  return created;
}

/** Emails an address a link to join; a current member's address is refused beside the field. */
export async function inviteMember(ctx: HostContext, input: { teamId: string; email: string; role: TeamRole }): Promise<OpenInvitation> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    if (input.role === 'owner' && write.role !== 'owner') throw notManagerOfOwners();
    const [member] = await write.tx
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, write.teamId), sql`lower(${users.email}) = ${input.email}`));
    if (member) throw fieldError('conflict', 'email', 'This address already belongs to a member of the team.', { summary: 'Please check the highlighted fields.' });
    return issueInvitation(write, ctx, input.email, input.role);
  });
}

function notManagerOfOwners(): AppError {
  return new AppError('forbidden', 'Only an owner can make someone an owner.');
}

async function findOpen(write: TeamWrite, invitationId: string): Promise<OpenInvitation> {
  if (!isUuid(invitationId)) throw notFound('Invitation');
  const [found] = await write.tx.select(columns).from(teamInvitations).where(and(openInvitation(write.teamId), eq(teamInvitations.id, invitationId)));
  if (!found) throw notFound('Invitation');
  return found;
}

/** The link stops working at once. */
export async function revokeInvitation(ctx: HostContext, input: { teamId: string; invitationId: string }): Promise<{ id: string }> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    const found = await findOpen(write, input.invitationId);
    if (found.role === 'owner' && write.role !== 'owner') throw notManagerOfOwners();
    await write.tx.update(teamInvitations).set({ revokedAt: new Date(ctx.now) }).where(eq(teamInvitations.id, found.id));
    return { id: found.id };
  });
}

/** A fresh link, valid 7 days from now, mailed again; the earlier link stops working. */
export async function resendInvitation(ctx: HostContext, input: { teamId: string; invitationId: string }): Promise<OpenInvitation> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    const found = await findOpen(write, input.invitationId);
    if (found.role === 'owner' && write.role !== 'owner') throw notManagerOfOwners();
    return issueInvitation(write, ctx, found.email, found.role);
  });
}
