import { jobsDb } from '@/lib/database';
import { failPendingEmails, sendCancellation } from '@/lib/notifications/send-notices';
import { defineJob, emailBoth } from './job';

export const bookingCancellation = defineJob({
  id: 'booking-cancellation',
  name: 'Email a cancellation, with its reason, to the invitee and the host',
  triggers: ['booking/cancelled'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const change = { reason: event.data.reason, cancelledBy: event.data.cancelledBy };
    return emailBoth(step, (recipient) => sendCancellation({ database: jobsDb() }, event.data.bookingId, recipient, change));
  },
});
