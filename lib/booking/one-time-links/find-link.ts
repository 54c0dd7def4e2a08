import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { oneTimeLinks } from '@/db/schema';
import { hashToken } from '@/lib/secrets/token-hash';
import { isLinkTokenShape } from './link-token';
import { type LinkState, linkState } from './link-state';

export type FoundLink = { state: 'open'; meetingTypeId: string } | { state: Exclude<LinkState, 'open'> };

/** What /d/{token} shows: the meeting type to book, or why not. A malformed token costs no query. */
export async function findOneTimeLink(database: Queryable, token: string, now: number): Promise<FoundLink> {
  if (!isLinkTokenShape(token)) return { state: 'invalid' };
  const [row] = await database
    .select({ meetingTypeId: oneTimeLinks.meetingTypeId, usedAt: oneTimeLinks.usedAt, revokedAt: oneTimeLinks.revokedAt, expiresAt: oneTimeLinks.expiresAt })
    .from(oneTimeLinks)
    .where(eq(oneTimeLinks.tokenHash, hashToken(token)));
  const state = linkState(row, now);
  return state === 'open' && row ? { state, meetingTypeId: row.meetingTypeId } : { state: state === 'open' ? 'invalid' : state };
}
