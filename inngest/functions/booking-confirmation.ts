import { db } from '@/db/client';
import { failPendingEmails, sendConfirmation } from '@/lib/notifications/send-notices';
import { defineJob } from './job';

export const bookingConfirmation = defineJob({
  id: 'booking-confirmation',
  name: 'Email a new booking to the invitee and the host',
  triggers: ['booking/confirmed'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: db() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => ({
    invitee: await step.run('email-invitee', () => sendConfirmation({ database: db() }, event.data.bookingId, 'invitee')),
    host: await step.run('email-host', () => sendConfirmation({ database: db() }, event.data.bookingId, 'host')),
  }),
});
