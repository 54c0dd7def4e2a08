import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type SchedulingType, meetingTypeHosts, meetingTypes, teamMembers } from '@/db/schema';
import { constraintOf, fieldError, notFound, sqlStateOf } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { HostContext } from '../host-write';
import { type HostMeetingType, hostMeetingTypeColumns } from '../meeting-types/rows';
import type { CreateTeamMeetingTypeInput, TeamHostInput, UpdateTeamMeetingTypeInput } from './meeting-type-schemas';
import { runTeamWrite, type TeamWrite } from './team-write';

// A team's meeting types: owners and admins create, edit and delete them under the team lock. Each
// write bumps the availability version of every member it was or is booked with, so the team's page
// shows the change on its next request. meeting_type.* webhooks are not sent for team types: an
// endpoint belongs to one host, and a team type's change is no single host's (its bookings still go
// to the assigned member's endpoints).

export const MAX_MEETING_TYPES_PER_TEAM = 200;

export interface TeamMeetingType extends HostMeetingType {
  schedulingType: SchedulingType;
  hosts: TeamHostInput[];
}

const slugTaken = (cause?: unknown) => fieldError('conflict', 'slug', 'Another of the team’s meeting types already uses this URL; pick another.', { summary: 'Please check the highlighted fields.', cause });

async function withTeamSlugClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === '23505' && constraintOf(error) === 'meeting_types_team_id_slug_unique') throw slugTaken(error);
    throw error;
  }
}

/** Every chosen host must be a member now (under the team lock); the form shows only members. */
async function assertMembers(write: TeamWrite, hosts: TeamHostInput[]): Promise<void> {
  const ids = hosts.map((host) => host.userId);
  const members = ids.every(isUuid)
    ? await write.tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, write.teamId), inArray(teamMembers.userId, ids)))
    : [];
  if (members.length !== ids.length) throw fieldError('not_found', 'hosts', 'Choose members of this team only.', { summary: 'Please check the highlighted fields.' });
}

async function replaceHosts(write: TeamWrite, meetingTypeId: string, hosts: TeamHostInput[]): Promise<void> {
  const before = await write.tx.delete(meetingTypeHosts).where(eq(meetingTypeHosts.meetingTypeId, meetingTypeId)).returning({ userId: meetingTypeHosts.userId });
  await write.tx.insert(meetingTypeHosts).values(hosts.map((host) => ({ meetingTypeId, teamId: write.teamId, ...host })));
  for (const { userId } of [...before, ...hosts]) write.touch(userId);
}

async function lockLiveTeamType(write: TeamWrite, id: string) {
  if (!isUuid(id)) throw notFound('Meeting type');
  const [current] = await write.tx
    .select({ id: meetingTypes.id })
    .from(meetingTypes)
    .where(and(eq(meetingTypes.id, id), eq(meetingTypes.teamId, write.teamId), isNull(meetingTypes.deletedAt)))
    .for('update');
  if (!current) throw notFound('Meeting type');
}

export async function createTeamMeetingType(ctx: HostContext, input: CreateTeamMeetingTypeInput): Promise<{ id: string }> {
  return withTeamSlugClash(() =>
    runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
      const [live] = await write.tx.select({ count: sql<number>`count(*)::int` }).from(meetingTypes).where(and(eq(meetingTypes.teamId, write.teamId), isNull(meetingTypes.deletedAt)));
      if ((live?.count ?? 0) >= MAX_MEETING_TYPES_PER_TEAM) throw fieldError('conflict', 'form', `A team can have at most ${MAX_MEETING_TYPES_PER_TEAM} meeting types. Delete one first.`);
      await assertMembers(write, input.hosts);
      const [created] = await write.tx
        .insert(meetingTypes)
        .values({ ...input.fields, teamId: write.teamId, schedulingType: input.schedulingType })
        .returning({ id: meetingTypes.id });
      if (!created) throw new Error('team meeting type insert returned no row');
      await replaceHosts(write, created.id, input.hosts);
      return created;
    }),
  );
}

/** Every editable field and the member list; the scheduling type stays as created. */
export async function updateTeamMeetingType(ctx: HostContext, input: UpdateTeamMeetingTypeInput): Promise<{ id: string }> {
  return withTeamSlugClash(() =>
    runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
      await lockLiveTeamType(write, input.id);
      await assertMembers(write, input.hosts);
      await write.tx.update(meetingTypes).set({ ...input.fields, updatedAt: sql`now()` }).where(eq(meetingTypes.id, input.id));
      await replaceHosts(write, input.id, input.hosts);
      return { id: input.id };
    }),
  );
}

/** Soft, as for a host's own: the row and its bookings stay, the slug is free again. */
export async function deleteTeamMeetingType(ctx: HostContext, input: { teamId: string; id: string }): Promise<{ id: string }> {
  return runTeamWrite(ctx, input.teamId, 'manager', async (write) => {
    await lockLiveTeamType(write, input.id);
    await write.tx.update(meetingTypes).set({ deletedAt: sql`now()`, isActive: false }).where(eq(meetingTypes.id, input.id));
    const hosts = await write.tx.select({ userId: meetingTypeHosts.userId }).from(meetingTypeHosts).where(eq(meetingTypeHosts.meetingTypeId, input.id));
    for (const { userId } of hosts) write.touch(userId);
    return { id: input.id };
  });
}

/** A live meeting type of this team with its member list, for the editor; null when there is none. */
export async function findTeamMeetingType(database: Queryable, teamId: string, id: string): Promise<TeamMeetingType | null> {
  if (!isUuid(id)) return null;
  const [row] = await database
    .select({ ...hostMeetingTypeColumns, schedulingType: meetingTypes.schedulingType })
    .from(meetingTypes)
    .where(and(eq(meetingTypes.id, id), eq(meetingTypes.teamId, teamId), isNull(meetingTypes.deletedAt)));
  if (!row?.schedulingType) return null;
  const hosts = await database
    .select({ userId: meetingTypeHosts.userId, weight: meetingTypeHosts.weight, priority: meetingTypeHosts.priority })
    .from(meetingTypeHosts)
    .where(eq(meetingTypeHosts.meetingTypeId, id))
    .orderBy(asc(meetingTypeHosts.createdAt));
  return { ...row, schedulingType: row.schedulingType, hosts };
}
