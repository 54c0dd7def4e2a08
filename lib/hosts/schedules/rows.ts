import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { schedules } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';

// A host's schedules as every verb reads them. A schedule id from a caller is always looked up together
// with the acting host, so another host's id (or junk) is the same 404 as one that never existed.

export interface ScheduleSummary {
  id: string;
  name: string;
  timeZone: string;
  isDefault: boolean;
}

export const scheduleColumns = { id: schedules.id, name: schedules.name, timeZone: schedules.timeZone, isDefault: schedules.isDefault };

/** Enough for any real host; a bound on what one account can make every editor list. */
export const MAX_SCHEDULES_PER_HOST = 20;

/** Default first, then by name. */
export async function listSchedules(database: Queryable, hostUserId: string): Promise<ScheduleSummary[]> {
  return database
    .select(scheduleColumns)
    .from(schedules)
    .where(eq(schedules.userId, hostUserId))
    .orderBy(desc(schedules.isDefault), asc(sql`lower(${schedules.name})`))
    .limit(MAX_SCHEDULES_PER_HOST);
}

/**
 * The host's schedule `scheduleId`, or their default when none is named: how every availability verb
 * keeps its old input (no schedule) working. Unknown, malformed and other hosts' ids are a 404.
 */
export async function findHostSchedule(database: Queryable, hostUserId: string, scheduleId?: string | null): Promise<ScheduleSummary> {
  const schedule = await lookUpHostSchedule(database, hostUserId, scheduleId);
  if (!schedule) throw notFound('Schedule');
  return schedule;
}

/** As findHostSchedule, null instead of a 404 (pages that answer notFound() themselves). */
export async function lookUpHostSchedule(database: Queryable, hostUserId: string, scheduleId?: string | null): Promise<ScheduleSummary | null> {
  if (scheduleId && !isUuid(scheduleId)) return null;
  const which = scheduleId ? eq(schedules.id, scheduleId) : eq(schedules.isDefault, true);
  const [schedule] = await database.select(scheduleColumns).from(schedules).where(and(eq(schedules.userId, hostUserId), which));
  return schedule ?? null;
}

/** The host's default schedule id as a subquery, for inserts that take "the default" (sign-up, seeds). */
export function defaultScheduleOf(hostUserId: string): SQL<string> {
  return sql<string>`(select ${schedules.id} from ${schedules} where ${schedules.userId} = ${hostUserId} and ${schedules.isDefault})`;
}
