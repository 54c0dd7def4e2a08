import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, users } from '@/db/schema';

/** What availability needs before anything else: whose version to read, and how far ahead to look. */
export interface MeetingTypeHead {
  hostUserId: string;
  isActive: boolean;
  maxDaysInFuture: number;
}

/** The head's columns (from meeting_types joined with users), for a caller that reads a little more in the same query. */
export const meetingTypeHeadColumns = {
  // Never null here: the inner join on users drops team types (no owning user), which load their members instead.
  hostUserId: sql<string>`${meetingTypes.userId}`,
  // Deleted counts as switched off (bookable = active, not deleted, and the host's email confirmed).
  isActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null and ${users.emailVerified} is not null)`,
  maxDaysInFuture: meetingTypes.maxDaysInFuture,
};

export async function loadMeetingTypeHead(database: Queryable, meetingTypeId: string): Promise<MeetingTypeHead | null> {
  const [row] = await database
    .select(meetingTypeHeadColumns)
    .from(meetingTypes)
    .innerJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, meetingTypeId));
  return row ?? null;
}
