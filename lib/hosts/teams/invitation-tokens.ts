import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { type TeamRole, teamInvitations, teams, users } from '@/db/schema';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { hashToken } from '@/lib/secrets/token-hash';

// An invitation's link token is HMAC-SHA256(secret, id), as account links are: the row holds only its
// SHA-256 and the outbox only the id, so neither a database nor a queue leak gives a usable link; the
// mail job derives the token again. A link works for 7 days, once.

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const tokenShape = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const tokenWith = (secret: string, invitationId: string) => createHmac('sha256', secret).update(`rendezvous:team-invitation:${invitationId}`).digest('base64url');

/** The hash to store for a new invitation (made with the newest secret). */
export function invitationTokenHash(invitationId: string): string {
  return hashToken(tokenWith(signingSecrets()[0]!, invitationId));
}

/** The link token of a stored invitation, derived with whichever listed secret made it; null if none did. */
export function invitationToken(row: { id: string; tokenHash: string }): string | null {
  for (const secret of signingSecrets()) {
    const token = tokenWith(secret, row.id);
    if (hashToken(token) === row.tokenHash) return token;
  }
  return null;
}

export type InvitationProblem = 'invalid' | 'expired' | 'used' | 'revoked';

export interface InvitationView {
  id: string;
  teamId: string;
  teamName: string;
  teamSlug: string;
  email: string;
  role: TeamRole;
  invitedByName: string | null;
  expiresAt: Date;
}

export type InvitationCheck = { ok: true; invitation: InvitationView } | { ok: false; problem: InvitationProblem; invitation?: InvitationView };

/** What the invitation page shows: the team and role, or why the link cannot work (without using it). */
export async function checkInvitation(database: Queryable, token: unknown, now: Date): Promise<InvitationCheck> {
  const parsed = tokenShape.safeParse(token);
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  const [row] = await database
    .select({
      id: teamInvitations.id,
      teamId: teamInvitations.teamId,
      teamName: teams.name,
      teamSlug: teams.slug,
      email: teamInvitations.email,
      role: teamInvitations.role,
      invitedByName: users.name,
      expiresAt: teamInvitations.expiresAt,
      acceptedAt: teamInvitations.acceptedAt,
      revokedAt: teamInvitations.revokedAt,
    })
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .leftJoin(users, eq(users.id, teamInvitations.invitedByUserId))
    .where(eq(teamInvitations.tokenHash, hashToken(parsed.data)));
  if (!row) return { ok: false, problem: 'invalid' };
  const { acceptedAt, revokedAt, ...invitation } = row;
  if (acceptedAt) return { ok: false, problem: 'used', invitation };
  if (revokedAt) return { ok: false, problem: 'revoked', invitation };
  if (row.expiresAt <= now) return { ok: false, problem: 'expired', invitation };
  return { ok: true, invitation };
}
