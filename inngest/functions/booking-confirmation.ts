import { jobsDb } from '@/lib/database';
import { failPendingEmails, sendConfirmation } from '@/lib/notifications/send-notices';
import { tryWriteBackOnce, writeBackStep } from './calendar-write-back';
import { defineJob, emailBoth } from './job';

// The confirmation waits for the calendar, in both modes, because it is one run: first the booking's
// event is written (so the email carries its Meet/Teams link), then the two emails. The first attempt
// never holds the mail back: no calendar, a reconnect needed or a provider down all go on to the
// emails (without a link), and a failed write is then retried as its own step, after the mail.

export const bookingConfirmation = defineJob({
  id: 'booking-confirmation',
  name: 'Write a new booking to the host’s calendar, then email it to the invitee and the host',
  triggers: ['booking/confirmed'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => {
    const calendar = await tryWriteBackOnce(step, event);
    const emails = await emailBoth(step, (recipient) => sendConfirmation({ database: jobsDb() }, event.data.bookingId, recipient));
    const retried = calendar === 'failed' ? await writeBackStep(step, event, 'retry-calendar-event') : undefined;
    return { calendar: retried ?? calendar, ...emails };
  },
});
