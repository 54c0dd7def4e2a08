import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { checkInvitation, type InvitationProblem, type InvitationView } from './invitation-tokens';

// What /teams/invitations/{token} shows: why the link cannot work, or the team and role with the way
// forward for whoever opened it: accept (signed in with the invited address), switch accounts (signed
// in with another), or sign in / sign up with the invited address (signed out).

export type InvitationPageState =
  | { kind: 'problem'; problem: InvitationProblem; teamName: string | null }
  | { kind: 'accept'; invitation: InvitationView }
  | { kind: 'other-account'; invitation: InvitationView; signedInAs: string }
  | { kind: 'signed-out'; invitation: InvitationView };

export async function invitationPageState(database: Queryable, token: unknown, hostUserId: string | null, now: Date): Promise<InvitationPageState> {
  const check = await checkInvitation(database, token, now);
  // A used, revoked or expired link names its team (the opener holds the link), never its address.
  if (!check.ok) return { kind: 'problem', problem: check.problem, teamName: check.invitation?.teamName ?? null };
  const { invitation } = check;
  if (hostUserId) {
    const [host] = await database.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
    if (host && host.email.toLowerCase() === invitation.email) return { kind: 'accept', invitation };
    if (host) return { kind: 'other-account', invitation, signedInAs: host.email };
  }
  return { kind: 'signed-out', invitation };
}
