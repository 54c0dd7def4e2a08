import type { Page } from 'playwright-core';

/**
 * Opens the message to `to` whose subject starts with `subject` in the dev inbox at `origin`/dev/mail,
 * reloading until it appears (jobs run after the reply), and answers its plain-text part.
 */
export async function openInInbox(page: Page, origin: string, to: string, subject: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    await page.goto(`${origin}/dev/mail`);
    const row = page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject });
    if ((await row.count()) > 0) {
      await row.first().getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${subject}`) }).waitFor();
      return (await page.locator('pre').first().textContent()) ?? '';
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no "${subject}" email to ${to} in /dev/mail`);
}
