import { jobsDb } from '@/lib/database';
import { sendTeamInvitation } from '@/lib/notifications/send-team-invitation';
import { defineJob } from './job';

export const teamInvitationEmail = defineJob({
  id: 'team-invitation-email',
  name: 'Mail a team invitation with its link',
  triggers: ['team/invitation-requested'],
  retries: 8,
  handler: async ({ event, step }) => step.run('email-invitee', () => sendTeamInvitation(jobsDb(), event.data.invitationId)),
});
