import type { Queryable } from '@/db/client';
import { freeMembersAt } from '@/lib/scheduling';
import { loadMeetingTypeHead } from './meeting-type-head';
import { loadTeamTypeSchedule, teamMemberInputs } from './load-team-schedule';

/**
 * The user ids of a team type's chosen members free at `start` (for the booking path: run it inside the
 * booking transaction, then lock and re-check the member it picks). A collective start gives every
 * member or none; an unknown, switched-off or host's meeting type gives none. Two queries.
 */
export async function freeTeamMembersAt(database: Queryable, meetingTypeId: string, start: number, now: number): Promise<string[]> {
  const found = await loadMeetingTypeHead(database, meetingTypeId);
  if (!found?.team?.isActive) return [];
  const schedule = await loadTeamTypeSchedule(database, meetingTypeId, found.team.memberIds, { start, end: start + 1 });
  if (!schedule) return [];
  const free = freeMembersAt(teamMemberInputs(schedule, schedule.policy, now), start, schedule.mode);
  return free.map((member) => schedule.members[member]!.userId);
}
