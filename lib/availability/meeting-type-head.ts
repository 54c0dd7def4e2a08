import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, type SchedulingType, users } from '@/db/schema';

/** What availability needs before anything else: whose version to read, and how far ahead to look. */
export interface MeetingTypeHead {
  hostUserId: string;
  isActive: boolean;
  maxDaysInFuture: number;
}

/** A team meeting type's head: its team, how it schedules, and the chosen members (ascending ids) whose data it reads. */
export interface TeamTypeHead {
  teamId: string;
  mode: SchedulingType;
  isActive: boolean;
  maxDaysInFuture: number;
  /** Members with a confirmed email address, in id order (the order of versions and schedules). */
  memberIds: string[];
  /** Changes with the type's own settings, so a shared entry never outlives them. */
  updatedAt: number;
}

/** The head's columns (from meeting_types joined with users), for a caller that reads a little more in the same query. */
export const meetingTypeHeadColumns = {
  // Never null here: the inner join on users drops team types (no owning user), which load their members instead.
  hostUserId: sql<string>`${meetingTypes.userId}`,
  // Deleted counts as switched off (bookable = active, not deleted, and the host's email confirmed).
  isActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null and ${users.emailVerified} is not null)`,
  maxDaysInFuture: meetingTypes.maxDaysInFuture,
};

/** A host's meeting type, or a team's (`team`), in one small query; null when unknown. */
export async function loadMeetingTypeHead(database: Queryable, meetingTypeId: string): Promise<(MeetingTypeHead & { team?: undefined }) | { team: TeamTypeHead } | null> {
  const [row] = await database
    .select({
      hostUserId: meetingTypes.userId,
      teamId: meetingTypes.teamId,
      mode: meetingTypes.schedulingType,
      isActive: sql<boolean>`(${meetingTypes.isActive} and ${meetingTypes.deletedAt} is null and (${meetingTypes.teamId} is not null or ${users.emailVerified} is not null))`,
      maxDaysInFuture: meetingTypes.maxDaysInFuture,
      updatedAt: sql<number>`date_part('epoch', ${meetingTypes.updatedAt}) * 1000`,
      // Only for a team type: an index lookup on meeting_type_hosts' key, skipped for a host's.
      memberIds: sql<string[] | null>`case when ${meetingTypes.teamId} is null then null else (
        select coalesce(array_agg(h.user_id order by h.user_id), '{}') from meeting_type_hosts h
        join users mu on mu.id = h.user_id and mu.email_verified is not null
        where h.meeting_type_id = ${meetingTypes.id}) end`,
    })
    .from(meetingTypes)
    .leftJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, meetingTypeId));
  if (!row) return null;
  const { hostUserId, teamId, mode, isActive, maxDaysInFuture, updatedAt, memberIds } = row;
  if (teamId && mode) return { team: { teamId, mode, isActive, maxDaysInFuture, memberIds: memberIds ?? [], updatedAt: Math.round(updatedAt) } };
  return hostUserId ? { hostUserId, isActive, maxDaysInFuture } : null;
}
