import { z } from 'zod';
import { schedulingTypes } from '@/db/schema';
import { inStoredUnits, meetingTypeShape } from '../meeting-types/schemas';

// A team meeting type's form: the personal form's ordinary fields, without what only one host can
// offer (their own schedule, approval, seats: CHECK meeting_types_team_type_single_host_features), plus
// how it schedules (fixed after creation) and which members it is booked with. The editor sends the
// members as JSON: [{ userId, weight, priority }].

const MAX_TEAM_HOSTS = 200;

const hostField = z.object({
  userId: z.string().max(64),
  weight: z.number({ error: 'Enter a weight' }).int('Use a whole number').min(0, 'Use 0 or more').max(1000, 'Use 1000 or less'),
  priority: z.number({ error: 'Pick a priority' }).int().min(0, 'Use 0 to 4').max(4, 'Use 0 to 4'),
});

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const teamHostsField = z.preprocess(
  parseJson,
  z
    .array(hostField, { error: 'Choose at least one member' })
    .min(1, 'Choose at least one member')
    .max(MAX_TEAM_HOSTS, `Choose at most ${MAX_TEAM_HOSTS} members`)
    .refine((hosts) => new Set(hosts.map((host) => host.userId)).size === hosts.length, 'Each member once'),
);
export type TeamHostInput = z.output<typeof teamHostsField>[number];

const teamFields = meetingTypeShape.omit({ scheduleId: true, requiresConfirmation: true, autoDeclineAfterHours: true, seatsPerSlot: true });

export const createTeamMeetingTypeSchema = z.preprocess(
  inStoredUnits,
  teamFields
    .extend({ teamId: z.string().max(64), schedulingType: z.enum(schedulingTypes, { error: 'Pick round robin or collective' }), hosts: teamHostsField })
    .transform(({ teamId, schedulingType, hosts, ...fields }) => ({ teamId, schedulingType, hosts, fields })),
);
export type CreateTeamMeetingTypeInput = z.output<typeof createTeamMeetingTypeSchema>;

export const updateTeamMeetingTypeSchema = z.preprocess(
  inStoredUnits,
  teamFields
    .extend({ teamId: z.string().max(64), id: z.string().max(64), hosts: teamHostsField })
    .transform(({ teamId, id, hosts, ...fields }) => ({ teamId, id, hosts, fields })),
);
export type UpdateTeamMeetingTypeInput = z.output<typeof updateTeamMeetingTypeSchema>;

export const teamMeetingTypeIdSchema = z.object({ teamId: z.string().max(64), id: z.string().max(64) });
