import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { type HostMeetingType, hostMeetingTypeColumns, liveMeetingType } from './rows';

/** The host's meeting types for the dashboard, by name (a copy sorts beside its original). */
export async function listMeetingTypes(database: Queryable, hostUserId: string): Promise<HostMeetingType[]> {
  return database
    .select(hostMeetingTypeColumns)
    .from(meetingTypes)
    .where(and(eq(meetingTypes.userId, hostUserId), isNull(meetingTypes.deletedAt)))
    .orderBy(sql`lower(${meetingTypes.name})`, asc(meetingTypes.createdAt));
}

/** One of the host's own meeting types; null for another host's, a deleted or an unknown one. */
export async function findMeetingTypeForHost(database: Queryable, hostUserId: string, meetingTypeId: string): Promise<HostMeetingType | null> {
  if (!isUuid(meetingTypeId)) return null;
  const [row] = await database.select(hostMeetingTypeColumns).from(meetingTypes).where(liveMeetingType(meetingTypeId, hostUserId));
  return row ?? null;
}
