'use server';

import { hostAction } from '@/lib/actions/host-action';
import { acceptInvitation } from '@/lib/hosts/teams/accept-invitation';
import { createTeam } from '@/lib/hosts/teams/create';
import { deleteTeam } from '@/lib/hosts/teams/delete';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/hosts/teams/invitations';
import { createTeamMeetingTypeSchema, teamMeetingTypeIdSchema, updateTeamMeetingTypeSchema } from '@/lib/hosts/teams/meeting-type-schemas';
import { createTeamMeetingType, deleteTeamMeetingType, updateTeamMeetingType } from '@/lib/hosts/teams/meeting-types';
import { changeRole, leaveTeam, removeMember } from '@/lib/hosts/teams/members';
import { renameTeam } from '@/lib/hosts/teams/rename';
import {
  acceptInvitationSchema,
  changeRoleSchema,
  createTeamSchema,
  invitationIdSchema,
  inviteMemberSchema,
  memberSchema,
  renameTeamSchema,
  teamIdSchema,
} from '@/lib/hosts/teams/schemas';

// The dashboard's team actions: session and parsing in hostAction, who may do what in lib/hosts/teams
// (a team the host is not in is a 404; a member who may not manage gets 403).

export const createTeamAction = hostAction(createTeamSchema, (input, ctx) => createTeam(ctx, input));
export const renameTeamAction = hostAction(renameTeamSchema, (input, ctx) => renameTeam(ctx, input));
export const inviteMemberAction = hostAction(inviteMemberSchema, async (input, ctx) => {
  const invitation = await inviteMember(ctx, input);
  return { id: invitation.id, email: invitation.email };
});
export const revokeInvitationAction = hostAction(invitationIdSchema, (input, ctx) => revokeInvitation(ctx, input));
export const resendInvitationAction = hostAction(invitationIdSchema, async (input, ctx) => {
  const invitation = await resendInvitation(ctx, input);
  return { id: invitation.id, email: invitation.email };
});
export const acceptInvitationAction = hostAction(acceptInvitationSchema, (input, ctx) => acceptInvitation(ctx, input));
export const changeRoleAction = hostAction(changeRoleSchema, (input, ctx) => changeRole(ctx, input));
export const removeMemberAction = hostAction(memberSchema, (input, ctx) => removeMember(ctx, input));
export const leaveTeamAction = hostAction(teamIdSchema, (input, ctx) => leaveTeam(ctx, input));
export const deleteTeamAction = hostAction(teamIdSchema, (input, ctx) => deleteTeam(ctx, input));
export const createTeamMeetingTypeAction = hostAction(createTeamMeetingTypeSchema, (input, ctx) => createTeamMeetingType(ctx, input));
export const updateTeamMeetingTypeAction = hostAction(updateTeamMeetingTypeSchema, (input, ctx) => updateTeamMeetingType(ctx, input));
export const deleteTeamMeetingTypeAction = hostAction(teamMeetingTypeIdSchema, (input, ctx) => deleteTeamMeetingType(ctx, input));
