import { jobsDb } from '@/lib/database';
import { sendAccountEmail } from '@/lib/notifications/send-account-email';
import { defineJob } from './job';

export const accountEmail = defineJob({
  id: 'account-email',
  name: 'Mail a host a single-use account link (verify, new address, password reset)',
  triggers: ['account/email-requested'],
  retries: 8,
  handler: async ({ event, step }) => step.run('email-host', () => sendAccountEmail(jobsDb(), event.data.tokenId)),
});
