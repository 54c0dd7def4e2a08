import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { teamInvitations, teamMembers, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '../host-write';
import { checkInvitation, type InvitationProblem } from './invitation-tokens';

// Accepting is the invited address's own act: the signed-in host must have that address. The link is
// used by a conditional update under the team lock, so two clicks racing join once.

const refusals: Record<InvitationProblem, () => AppError> = {
  invalid: () => new AppError('not_found', 'This invitation link is not valid.'),
  used: () => new AppError('link_used', 'This invitation was already accepted.'),
  revoked: () => new AppError('link_used', 'This invitation was withdrawn by the team.'),
  expired: () => new AppError('link_expired', 'This invitation has expired. Ask the team for a new one.'),
};

export async function acceptInvitation(ctx: HostContext, input: { token: string }): Promise<{ teamId: string; teamSlug: string }> {
  return runHostWrite(ctx, { hostUserId: ctx.actor.userId, actor: ctx.actor }, async ({ tx, hostUserId }) => {
    const check = await checkInvitation(tx, input.token, new Date(ctx.now));
    if (!check.ok) throw refusals[check.problem]();
    const { invitation } = check;
    await tx.execute(sql`select id from teams where id = ${invitation.teamId} for update`);
    const [host] = await tx.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
    if (host?.email.toLowerCase() !== invitation.email) {
      throw new AppError('forbidden', `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
    const [used] = await tx
      .update(teamInvitations)
      .set({ acceptedAt: new Date(ctx.now), acceptedByUserId: hostUserId })
      .where(and(eq(teamInvitations.id, invitation.id), isNull(teamInvitations.acceptedAt), isNull(teamInvitations.revokedAt), gt(teamInvitations.expiresAt, new Date(ctx.now))))
      .returning({ id: teamInvitations.id });
    if (!used) throw refusals.used();
    // The link was mailed to this very address, so following it proves the address as the verification
    // link would: a host who joins through it is not left out of the team's times until they confirm again.
    await tx.update(users).set({ emailVerified: new Date(ctx.now) }).where(and(eq(users.id, hostUserId), isNull(users.emailVerified)));
    // Already a member (invited twice, joined another way): the role they have stays.
    await tx.insert(teamMembers).values({ teamId: invitation.teamId, userId: hostUserId, role: invitation.role }).onConflictDoNothing();
    return { teamId: invitation.teamId, teamSlug: invitation.teamSlug };
  });
}
