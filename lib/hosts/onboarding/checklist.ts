import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { calendarConnections, hostOnboarding, meetingTypes, schedules, users } from '@/db/schema';
import { loadWeeklyHours } from '@/lib/hosts/availability/load';
import { summarizeWeeklyHours } from './hours-summary';

// The dashboard's first-run checklist. Steps are read from what exists — a confirmed address, a
// meeting type the host made or edited, a connected calendar — except the two only the host can
// vouch for ("these hours are right", "link copied"), which are recorded when done.

export const ONBOARDING_STEPS = ['confirmEmail', 'checkHours', 'meetingType', 'connectCalendar', 'copyLink'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingChecklist {
  done: Record<OnboardingStep, boolean>;
  /** "Mon–Fri, 9:00–17:00". */
  hoursSummary: string;
  timeZone: string;
  username: string;
  /** The meeting type to edit first: the oldest live one (the starter), or null when there is none. */
  firstMeetingTypeId: string | null;
}

/** The checklist, or null once the host put it away (or there is no such host). */
export async function loadOnboardingChecklist(database: Queryable, hostUserId: string): Promise<OnboardingChecklist | null> {
  const [host] = await database
    .select({
      emailVerified: users.emailVerified,
      // The hours a new host checks are their default schedule's, in its zone.
      scheduleId: schedules.id,
      timeZone: schedules.timeZone,
      username: users.username,
      hoursCheckedAt: hostOnboarding.hoursCheckedAt,
      linkCopiedAt: hostOnboarding.linkCopiedAt,
      dismissedAt: hostOnboarding.dismissedAt,
    })
    .from(users)
    .leftJoin(hostOnboarding, eq(hostOnboarding.userId, users.id))
    .innerJoin(schedules, and(eq(schedules.userId, users.id), eq(schedules.isDefault, true)))
    .where(eq(users.id, hostUserId));
  if (!host || host.dismissedAt) return null;
  const [week, types, connection] = await Promise.all([
    loadWeeklyHours(database, host.scheduleId),
    database
      .select({ id: meetingTypes.id, touched: sql<boolean>`${or(gt(meetingTypes.createdAt, users.createdAt), gt(meetingTypes.updatedAt, meetingTypes.createdAt))}` })
      .from(meetingTypes)
      .innerJoin(users, eq(users.id, meetingTypes.userId))
      .where(and(eq(meetingTypes.userId, hostUserId), isNull(meetingTypes.deletedAt)))
      .orderBy(asc(meetingTypes.createdAt), asc(meetingTypes.id))
      .limit(200),
    database.select({ id: calendarConnections.id }).from(calendarConnections).where(eq(calendarConnections.userId, hostUserId)).limit(1),
  ]);
  return {
    done: {
      confirmEmail: host.emailVerified !== null,
      checkHours: host.hoursCheckedAt !== null,
      // The starter type (made with the account) counts once the host has edited it or made another.
      meetingType: types.some((type) => type.touched),
      connectCalendar: connection.length > 0,
      copyLink: host.linkCopiedAt !== null,
    },
    hoursSummary: summarizeWeeklyHours(week),
    timeZone: host.timeZone,
    username: host.username,
    firstMeetingTypeId: types[0]?.id ?? null,
  };
}
