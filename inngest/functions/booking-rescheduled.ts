import { jobsDb } from '@/lib/database';
import { sendHandedOver } from '@/lib/notifications/send-handed-over';
import { failPendingEmails, sendRescheduled } from '@/lib/notifications/send-notices';
import { defineJob, emailBoth } from './job';

/** One "rescheduled" message with the old and the new time (and, handed to another member, a note to the old one); booking-reminders starts new reminders. */
export const bookingRescheduled = defineJob({
  id: 'booking-rescheduled',
  name: 'Email a new time to the invitee and the host',
  triggers: ['booking/rescheduled'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const change = { previousBookingId: event.data.previousBookingId, rescheduledBy: event.data.rescheduledBy, message: event.data.message };
    const sent = await emailBoth(step, (recipient) => sendRescheduled({ database: jobsDb() }, event.data.bookingId, recipient, change));
    // A round-robin booking handed to another member: the member who had it hears who has it now.
    const handedOver = await step.run('email-previous-host', () => sendHandedOver({ database: jobsDb() }, event.data.bookingId, event.data.previousBookingId));
    return { ...sent, handedOver };
  },
});
