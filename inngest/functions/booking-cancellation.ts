import { db } from '@/db/client';
import { failPendingEmails, sendCancellation } from '@/lib/notifications/send-notices';
import { defineJob } from './job';

export const bookingCancellation = defineJob({
  id: 'booking-cancellation',
  name: 'Email a cancellation, with its reason, to the invitee and the host',
  triggers: ['booking/cancelled'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: db() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const change = { reason: event.data.reason, cancelledBy: event.data.cancelledBy };
    return {
      invitee: await step.run('email-invitee', () => sendCancellation({ database: db() }, event.data.bookingId, 'invitee', change)),
      host: await step.run('email-host', () => sendCancellation({ database: db() }, event.data.bookingId, 'host', change)),
    };
  },
});
