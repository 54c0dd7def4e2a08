import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { oneTimeLinks } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { type LinkState, linkState } from './link-state';

/** How many of a meeting type's links the dashboard shows, newest first. */
export const LISTED_LINKS = 50;

export interface HostOneTimeLink {
  id: string;
  state: LinkState;
  createdAt: Date;
  expiresAt: Date | null;
  usedAt: Date | null;
  usedByBookingId: string | null;
}

/** The host's own links for one meeting type (never the tokens: only their hashes exist). */
export async function listOneTimeLinks(database: Queryable, hostUserId: string, meetingTypeId: string, now: number): Promise<HostOneTimeLink[]> {
  if (!isUuid(meetingTypeId)) return [];
  const rows = await database
    .select({
      id: oneTimeLinks.id,
      createdAt: oneTimeLinks.createdAt,
      expiresAt: oneTimeLinks.expiresAt,
      usedAt: oneTimeLinks.usedAt,
      revokedAt: oneTimeLinks.revokedAt,
      usedByBookingId: oneTimeLinks.usedByBookingId,
    })
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.meetingTypeId, meetingTypeId), eq(oneTimeLinks.hostUserId, hostUserId)))
    .orderBy(desc(oneTimeLinks.createdAt), desc(oneTimeLinks.id))
    .limit(LISTED_LINKS);
  return rows.map(({ revokedAt, ...row }) => ({ ...row, state: linkState({ ...row, revokedAt }, now) }));
}
