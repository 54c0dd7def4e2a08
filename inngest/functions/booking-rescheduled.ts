import { jobsDb } from '@/lib/database';
import { failPendingEmails, sendRescheduled } from '@/lib/notifications/send-notices';
import { defineJob, emailBoth } from './job';

/** One "rescheduled" message with the old and the new time; booking-reminders starts new reminders. */
export const bookingRescheduled = defineJob({
  id: 'booking-rescheduled',
  name: 'Email a new time to the invitee and the host',
  triggers: ['booking/rescheduled'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const change = { previousBookingId: event.data.previousBookingId, rescheduledBy: event.data.rescheduledBy, message: event.data.message };
    return emailBoth(step, (recipient) => sendRescheduled({ database: jobsDb() }, event.data.bookingId, recipient, change));
  },
});
