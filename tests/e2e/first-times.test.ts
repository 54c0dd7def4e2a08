import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { dayHeadingIn, waitForTimes } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { screenshotBothWidths } from './screenshots';

// The booking page comes with its first month's times (as UTC instants the browser formats in its own
// zone), so the first times need no request after hydration; other months are still fetched.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/Berlin';
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

const AVAILABILITY = '/api/v1/availability';
const isAvailabilityRequest = (request: Request) => request.url().includes(AVAILABILITY);
const isAvailabilityUrl = (url: URL) => url.pathname === AVAILABILITY;
const isScriptFile = (url: URL) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js');

interface Watched {
  page: Page;
  /** Availability requests the page made (each was refused while `blockAvailability` was on). */
  availabilityRequests: string[];
  /** Console errors and warnings, hydration mismatches among them. */
  console: string[];
}

/** A page whose availability requests fail until `allowAvailability()` is called. */
async function watchedPage(timezoneId = ZONE): Promise<Watched & { allowAvailability: () => Promise<void> }> {
  const context = await browser().newContext({ timezoneId, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  const watched: Watched = { page, availabilityRequests: [], console: [] };
  page.on('request', (request) => {
    if (isAvailabilityRequest(request)) watched.availabilityRequests.push(request.url());
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.console.push(message.text());
  });
  page.on('pageerror', (error) => watched.console.push(String(error)));
  const block = (route: { abort: () => Promise<void> }) => route.abort();
  await page.route(isAvailabilityUrl, block);
  return { ...watched, allowAvailability: () => page.unroute(isAvailabilityUrl, block) };
}

const firstTimeButton = (page: Page) => page.locator('button[data-start]').first();
const timeIn = (zone: string, iso: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

describe.skipIf(!hasBrowser)('the booking page’s first times', () => {
  it.each(['/demo/intro', '/embed/demo/intro'])('shows them from the page itself, with no availability request: %s', async (path) => {
    const watched = await watchedPage();
    const { page } = watched;
    const response = await page.goto(`${baseUrl}${path}`);
    await firstTimeButton(page).waitFor();
    const start = (await firstTimeButton(page).getAttribute('data-start'))!;
    expect(await firstTimeButton(page).textContent()).toBe(timeIn(ZONE, start));
    expect(watched.availabilityRequests).toEqual([]);

    // The HTML carried the instant; nothing host-private came with it, and no cache may share the page.
    const html = await response!.text();
    expect(html).toContain(String(Date.parse(start)));
    expect(html).not.toContain('demo@example.com');
    expect(response!.headers()['cache-control']).toMatch(/no-store/);
    expect(response!.headers()['cache-control']).not.toMatch(/public/);

    // Hydration matched the server's HTML: React reports a mismatch on the console.
    expect(watched.console).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    if (path === '/demo/intro') await screenshotBothWidths(page, 'booking-page-first-times');
  });

  it('draws the first day’s times before any of the page’s script has loaded, accessibly', async () => {
    const watched = await watchedPage('America/Los_Angeles');
    const { page } = watched;
    // No script file arrives: only the HTML and its inline script run, so React never hydrates.
    await page.route(isScriptFile, (route) => route.abort());
    await page.goto(`${baseUrl}/demo/intro`);
    await firstTimeButton(page).waitFor();
    // React has not rendered: its month calendar is not there, only the inline script's list.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.locator('#opening-times button[data-start]').count()).toBe(await page.locator('button[data-start]').count());
    const starts = await page.locator('button[data-start]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-start')!));
    const day = dayHeadingIn('America/Los_Angeles', starts[0]!);
    for (const start of starts) expect(dayHeadingIn('America/Los_Angeles', start)).toBe(day);
    expect(await firstTimeButton(page).textContent()).toBe(timeIn('America/Los_Angeles', starts[0]!));
    expect(await firstTimeButton(page).getAttribute('aria-label')).toBe(`Book ${timeIn('America/Los_Angeles', starts[0]!)}`);
    await page.getByRole('list', { name: `Open times on ${day}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'booking-page-before-hydration');
  });

  it('keeps a time clicked before hydration, and the page it hydrates into shows the same times', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    // The page's script files are held back until the invitee has clicked a time drawn by the inline script.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(isScriptFile, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${baseUrl}/demo/intro`, { waitUntil: 'commit' });
    const preview = page.locator('#opening-times button[data-start]');
    await preview.first().waitFor();
    const drawn = await preview.evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-start'), b.textContent, b.getAttribute('aria-label')]));
    const chosen = drawn[1] ?? drawn[0]!;
    await preview.nth(drawn.length > 1 ? 1 : 0).click();
    release();

    // Hydrated: React's list (outside the inline script's box) has exactly what was drawn, and the click went through.
    await page.getByRole('button', { name: 'Confirm booking' }).waitFor();
    expect(await page.getByTestId('booking-time').getAttribute('datetime')).toBe(chosen[0]);
    await page.getByRole('button', { name: 'Back to times' }).click();
    await waitForTimes(page);
    expect(await page.locator('#opening-times').count()).toBe(0);
    const hydrated = await page.locator('button[data-start]').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-start'), b.textContent, b.getAttribute('aria-label')]));
    expect(hydrated).toEqual(drawn);
    expect(watched.availabilityRequests).toEqual([]);
    expect(watched.console).toEqual([]);
  });

  it('formats them in another zone the invitee picks, still without a request', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${baseUrl}/demo/intro`);
    await firstTimeButton(page).waitFor();
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('tokyo');
    await page.getByRole('option', { name: 'Asia/Tokyo (GMT+9)' }).click();
    await waitForTimes(page);
    const start = (await firstTimeButton(page).getAttribute('data-start'))!;
    expect(await firstTimeButton(page).textContent()).toBe(timeIn('Asia/Tokyo', start));
    await page.getByRole('list', { name: `Open times on ${dayHeadingIn('Asia/Tokyo', start)}` }).waitFor();
    expect(watched.availabilityRequests).toEqual([]);
    expect(watched.console).toEqual([]);
  });

  it('still fetches other months, and says so when that fails', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${baseUrl}/demo/intro`);
    await firstTimeButton(page).waitFor();

    // Blocked: the next month's request is made, fails, and says so.
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not load open times' }).waitFor();
    expect(watched.availabilityRequests).toHaveLength(1);
    const asked = new URL(watched.availabilityRequests[0]!).searchParams;
    expect(asked.get('start')).toMatch(/-01$/);
    expect(asked.get('timezone')).toBe(ZONE);

    await watched.allowAvailability();
    const reply = page.waitForResponse((response) => isAvailabilityRequest(response.request()));
    await page.getByRole('button', { name: 'Try again' }).click();
    expect((await reply).status()).toBe(200);
    await waitForTimes(page);
  });
});
