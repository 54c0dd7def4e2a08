import { db } from '@/lib/database';
import { failPendingEmails, sendConfirmation } from '@/lib/notifications/send-notices';
import { defineJob, emailBoth } from './job';

export const bookingConfirmation = defineJob({
  id: 'booking-confirmation',
  name: 'Email a new booking to the invitee and the host',
  triggers: ['booking/confirmed'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: db() }, event.data.bookingId, error.message),
  handler: ({ event, step }) => emailBoth(step, (recipient) => sendConfirmation({ database: db() }, event.data.bookingId, recipient)),
});
