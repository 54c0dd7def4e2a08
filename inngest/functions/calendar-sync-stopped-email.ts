import { jobsDb } from '@/lib/database';
import { sendCalendarSyncStopped } from '@/lib/notifications/send-calendar-notice';
import { defineJob } from './job';

export const calendarSyncStoppedEmail = defineJob({
  id: 'calendar-sync-stopped-email',
  name: 'Tell a host a calendar stopped syncing after a day of failures',
  triggers: ['calendar/sync-stopped'],
  retries: 8,
  handler: async ({ event, step }) => step.run('email-host', () => sendCalendarSyncStopped(jobsDb(), event, event.data)),
});
