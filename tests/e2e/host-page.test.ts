import { describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';

const browser = launchBrowserPerFile();

describe.skipIf(!hasBrowser)('public pages in Chromium', () => {
  it('shows the demo host’s two meeting types on /demo, from the database', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${baseUrl}/demo`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Demo Host');
    const items = page.getByTestId('meeting-type');
    expect(await items.count()).toBe(2);
    const texts = await items.allTextContents();
    expect(texts[0]).toContain('Intro call');
    expect(texts[0]).toContain('30 minutes');
    expect(texts[1]).toContain('Deep dive');
    expect(texts[1]).toContain('1 hour');
    await page.close();
  });

  it('links from the home page to the demo host', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: /demo host/i }).click();
    await page.waitForURL(`${baseUrl}/demo`);
    expect(await page.getByTestId('meeting-type').count()).toBe(2);
    await page.close();
  });

  it('answers an unknown host with the 404 page', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${baseUrl}/no-such-host-anywhere`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    await page.close();
  });
});
