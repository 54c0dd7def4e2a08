import { jobsDb } from '@/lib/database';
import { failPendingEmails, sendNewTimeRequest } from '@/lib/notifications/send-notices';
import { defineJob } from './job';

/** The invitee is asked to pick a new time, with a link to do it (the host made the request, so only the invitee is mailed). */
export const newTimeRequested = defineJob({
  id: 'new-time-requested',
  name: 'Email the invitee the host’s request for a new time',
  triggers: ['booking/new-time-requested'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => step.run('email-invitee', () => sendNewTimeRequest({ database: jobsDb() }, event.data.bookingId)),
});
