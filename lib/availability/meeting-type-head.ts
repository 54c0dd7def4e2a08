import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';

/** What availability needs before anything else: whose version to read, and how far ahead to look. */
export interface MeetingTypeHead {
  hostUserId: string;
  isActive: boolean;
  maxDaysInFuture: number;
}

export async function loadMeetingTypeHead(database: Queryable, meetingTypeId: string): Promise<MeetingTypeHead | null> {
  const [row] = await database
    .select({
      hostUserId: meetingTypes.userId,
      // Deleted counts as switched off (bookable = active and not deleted).
      isActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null)`,
      maxDaysInFuture: meetingTypes.maxDaysInFuture,
    })
    .from(meetingTypes)
    .where(eq(meetingTypes.id, meetingTypeId));
  return row ?? null;
}
