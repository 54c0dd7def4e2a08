import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import { oneTimeLinks } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { assertActorMayWrite } from '@/lib/hosts/actor';
import type { HostContext } from '@/lib/hosts/host-write';
import { ownerOfMeetingType } from '@/lib/hosts/meeting-types/rows';
import { MS_PER_DAY } from '@/lib/scheduling';
import { hashToken } from '@/lib/secrets/token-hash';
import { newLinkToken, oneTimeLinkPath } from './link-token';
import { type CreateOneTimeLinkInput, linkExpiryChoices } from './schemas';

/** Enough for a recruiting round; a bound on what one meeting type can make the dashboard list. */
export const MAX_OPEN_LINKS_PER_MEETING_TYPE = 200;

export interface CreatedOneTimeLink {
  id: string;
  /** `/d/{token}`: the only time the token is seen; the table keeps its hash. */
  path: string;
  expiresAt: Date | null;
}

/**
 * A single-use link to one of the host's own meeting types. It changes no slots (booking through it
 * does), so it skips the host write seam; another host's, a deleted or an unknown meeting type is a 404.
 */
export async function createOneTimeLink(ctx: HostContext, input: CreateOneTimeLinkInput): Promise<CreatedOneTimeLink> {
  const owner = await ownerOfMeetingType(ctx.database, input.meetingTypeId);
  if (!owner) throw notFound('Meeting type');
  assertActorMayWrite(ctx.actor, owner, 'Meeting type');
  const now = new Date(ctx.now);
  const [open] = await ctx.database
    .select({ links: count() })
    .from(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.meetingTypeId, input.meetingTypeId),
        isNull(oneTimeLinks.usedAt),
        isNull(oneTimeLinks.revokedAt),
        or(isNull(oneTimeLinks.expiresAt), gt(oneTimeLinks.expiresAt, now)),
      ),
    );
  if ((open?.links ?? 0) >= MAX_OPEN_LINKS_PER_MEETING_TYPE) {
    throw new AppError('conflict', `This meeting type already has ${MAX_OPEN_LINKS_PER_MEETING_TYPE} open links. Revoke some you no longer need first.`);
  }
  const days = linkExpiryChoices[input.expiresIn];
  const expiresAt = days === null ? null : new Date(ctx.now + days * MS_PER_DAY);
  const token = newLinkToken();
  const [created] = await ctx.database
    .insert(oneTimeLinks)
    .values({ meetingTypeId: input.meetingTypeId, hostUserId: owner, tokenHash: hashToken(token), expiresAt, createdAt: now })
    .returning({ id: oneTimeLinks.id });
  if (!created) throw new Error('one-time link insert returned no row');
  return { id: created.id, path: oneTimeLinkPath(token), expiresAt };
}
