import { jobsDb } from '@/lib/database';
import { sendCalendarReauth } from '@/lib/notifications/send-calendar-notice';
import { defineJob } from './job';

export const calendarReauthEmail = defineJob({
  id: 'calendar-reauth-email',
  name: 'Tell a host their calendar connection needs reconnecting',
  triggers: ['calendar/reauth-required'],
  retries: 8,
  handler: async ({ event, step }) => step.run('email-host', () => sendCalendarReauth(jobsDb(), event, event.data)),
});
