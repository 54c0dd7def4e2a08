import { jobsDb } from '@/lib/database';
import { reminderKinds, reminderTime } from '@/lib/notifications/notice-kinds';
import { failPendingEmails, sendReminder } from '@/lib/notifications/send-notices';
import { defineJob } from './job';

/**
 * Reminders 24 h and 1 h before, for a new booking and for the new booking of a move. A reminder
 * already due when the booking was made is never sent. Cancelling or moving the booking ends the run;
 * sendReminder re-reads the booking just before sending in case the end arrives late.
 */
export const bookingReminders = defineJob({
  id: 'booking-reminders',
  name: 'Remind the invitee (and the host who opted in) before the meeting',
  triggers: ['booking/confirmed', 'booking/rescheduled'],
  cancelOn: [
    { event: 'booking/cancelled', if: 'async.data.bookingId == event.data.bookingId' },
    { event: 'booking/rescheduled', if: 'async.data.previousBookingId == event.data.bookingId' },
  ],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const start = new Date(event.data.start);
    const sent: Record<string, unknown> = {};
    for (const kind of reminderKinds) {
      const due = reminderTime(kind, start);
      if (due.getTime() <= event.ts) continue; // already past when the booking was made
      await step.sleepUntil(`wait-${kind}`, due);
      sent[kind] = {
        invitee: await step.run(`${kind}-invitee`, () => sendReminder({ database: jobsDb() }, event.data.bookingId, kind, 'invitee')),
        host: await step.run(`${kind}-host`, () => sendReminder({ database: jobsDb() }, event.data.bookingId, kind, 'host')),
      };
    }
    return sent;
  },
});
