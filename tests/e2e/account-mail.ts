import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser';
import { withSql } from './database';

// Account links as their recipient gets them: the app (jobs inline, mail captured) records each
// message in email_notifications; this reads the newest one of a kind to an address and takes the link
// from its text, waiting for the job that sends it after the reply.

export async function linkFromMail(to: string, kind: 'verify_email' | 'change_email' | 'reset_password', after = new Date(0)): Promise<string> {
  // One connection per call: a module-level one would outlive its file (the e2e files share one worker).
  return withSql(async (sql) => {
    for (let attempt = 0; attempt < 300; attempt++) {
      const [row] = await sql<{ text_body: string | null }[]>`
        select text_body from email_notifications
        where recipient_email = ${to.toLowerCase()} and notification_type = ${kind} and created_at >= ${after}
        order by created_at desc limit 1`;
      const href = row?.text_body?.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+/)?.[0];
      if (href) return new URL(href).pathname + new URL(href).search;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${kind} email to ${to}`);
  });
}

export interface NewHost {
  email: string;
  password: string;
  username: string;
}

/** Signs up through the form; the browser lands on the dashboard, signed in but not verified yet. */
export async function signUpThroughForm(page: Page, prefix: string): Promise<NewHost> {
  const suffix = randomBytes(4).toString('hex');
  const host = { email: `${prefix}-${suffix}@example.test`, password: 'a long enough password', username: `${prefix}-${suffix}` };
  await page.goto(`${baseUrl}/signup`);
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[role="combobox"]')?.value ?? '') !== '');
  await page.getByLabel('Name', { exact: true }).fill(`${prefix} ${suffix}`);
  await page.getByLabel('Email').fill(host.email);
  await page.getByLabel('Username').fill(host.username);
  await page.getByLabel('Password').fill(host.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return host;
}

/** Opens the verification link from the mail, as the host would. */
export async function verifyFromMail(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}${await linkFromMail(email, 'verify_email')}`);
  await page.getByText('Your email address is confirmed').waitFor();
}
