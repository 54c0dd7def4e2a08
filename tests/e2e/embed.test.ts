import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ical from 'node-ical';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { fillDetails, firstOfferedTime, pickTime, uniqueEmail } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { screenshotBothWidths } from './screenshots';

// A site on another origin (http://localhost:PORT — another *site* than the app's 127.0.0.1) puts the
// booking page on its own page with /embed.js, in a Chromium that blocks every third-party cookie.

const browser = launchBrowserPerFile(['--test-third-party-cookie-phaseout']);
const ZONE = 'Europe/Berlin';
const contexts: BrowserContext[] = [];
let site: Server;
let siteOrigin: string;

/** The site's pages: the embed (inline and popup) and one that frames the plain booking page. */
function sitePage(path: string): string {
  if (path === '/hostile-markup') {
    // What a site's users might slip into its pages through a sanitiser that keeps data-* attributes.
    return `<!doctype html><html lang="en"><head><title>comments</title></head><body>
<div id="js" data-rendezvous-inline="javascript:window.pwned=1//"></div>
<div id="foreign" data-rendezvous-inline="https://evil.example/demo/intro"></div>
<script src="${baseUrl}/embed.js?v=1"></script></body></html>`;
  }
  if (path === '/frames-booking-page') return `<!doctype html><title>framer</title><iframe title="plain" src="${baseUrl}/demo/intro"></iframe>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner site</title></head>
<body style="margin:0;font-family:sans-serif">
<main style="max-width:1100px;margin:0 auto;padding:16px">
<h1>Partner site</h1>
<button type="button" id="before">Something else on the page</button>
<div data-rendezvous-inline="${baseUrl}/demo/intro?name=Ada%20Lovelace"></div>
<button type="button" data-rendezvous-popup="${baseUrl}/demo/deep-dive">Book a deep dive</button>
</main>
<script>window.received = []; window.addEventListener('message', function (e) { window.received.push({ origin: e.origin, data: e.data }); });</script>
<script src="${baseUrl}/embed.js?v=1"></script>
</body></html>`;
}

beforeAll(async () => {
  site = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(sitePage(new URL(request.url ?? '/', 'http://x').pathname));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

interface Received {
  origin: string;
  data: { type?: string; height?: number; start?: string; booking?: { id: string; start: string; end: string } };
}
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** The frame showing /embed{path} (the path exactly: the inline embed is on the page too). */
async function embedFrame(page: Page, path: string): Promise<Frame> {
  const showing = (frame: Frame) => frame.url().startsWith(baseUrl) && new URL(frame.url()).pathname === `/embed${path}`;
  await expect.poll(() => page.frames().some(showing)).toBe(true);
  const frame = page.frames().find(showing);
  if (!frame) throw new Error(`no frame for /embed${path}`);
  return frame;
}

/** True when the frame's document fits the iframe: nothing to scroll inside. */
const fitsWithoutScrolling = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasBrowser)('the embed on another site', () => {
  it('grows to its content, lets an invitee book inside it and tells the site, with third-party cookies blocked', async () => {
    const page = await newPage();
    await page.goto(`${siteOrigin}/?utm_source=partner&utm_campaign=spring`);
    const frame = await embedFrame(page, '/demo/intro');
    await frame.getByRole('heading', { name: 'Select a date and time' }).waitFor();

    // Third-party cookies really are blocked here: the frame can keep no cookie, and storage is refused.
    expect(await frame.evaluate(() => ((document.cookie = 'probe=1; SameSite=None; Secure'), document.cookie))).toBe('');
    const storage = await frame.evaluate(() => {
      try {
        return typeof window.localStorage.length;
      } catch {
        return 'refused';
      }
    });
    expect(storage).toBe('refused');

    // embed.js carried the site's origin and its utm_* into the frame's address.
    const frameUrl = new URL(frame.url());
    expect(frameUrl.searchParams.get('embed_origin')).toBe(siteOrigin);
    expect(frameUrl.searchParams.get('utm_source')).toBe('partner');

    // Sized by its messages: the iframe is as tall as the page inside, which never scrolls.
    await waitForTimesIn(frame);
    await expect.poll(async () => (await received(page)).some((m) => m.data.type === 'rendezvous:page_height')).toBe(true);
    await expect.poll(() => fitsWithoutScrolling(frame)).toBe(true);
    const iframeHeight = await page.locator('iframe').first().evaluate((element) => element.getBoundingClientRect().height);
    const lastHeight = (await received(page)).filter((m) => m.data.type === 'rendezvous:page_height').at(-1)?.data.height;
    expect(iframeHeight).toBe(lastHeight);
    expect(iframeHeight).toBeGreaterThan(300);
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await frame.getByRole('link', { name: /All meeting types/ }).count()).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);

    // The 12/24-hour choice still works with storage refused (kept for the page's life).
    await frame.getByRole('radio', { name: '24h' }).check();
    expect(await frame.getByRole('button', { name: /^Book / }).first().textContent()).toMatch(/^\d{2}:\d{2}$/);

    const slot = await firstOfferedTime(frame);
    await pickTime(frame, slot.start, ZONE);
    // Prefilled from the embed's address; the invitee adds the rest.
    expect(await frame.getByLabel('Name').inputValue()).toBe('Ada Lovelace');
    await fillDetails(frame, 'Ada Lovelace', uniqueEmail('embed'));
    const reply = page.waitForResponse((r) => r.url() === `${baseUrl}/api/v1/bookings` && r.request().method() === 'POST');
    await frame.getByRole('button', { name: 'Confirm booking' }).click();
    const response = await reply;
    expect(response.status()).toBe(201);
    expect(response.request().postDataJSON()).toMatchObject({ tracking: { utm_source: 'partner', utm_campaign: 'spring' } });
    const { booking } = (await response.json()) as { booking: { id: string; start: string; end: string } };
    await frame.getByRole('heading', { name: 'You’re booked' }).waitFor();

    // The site heard every step, from the app's origin, addressed to it.
    await expect.poll(async () => (await received(page)).some((m) => m.data.type === 'rendezvous:event_scheduled')).toBe(true);
    const messages = (await received(page)).filter((m) => m.data.type?.startsWith('rendezvous:'));
    expect(messages.every((m) => m.origin === baseUrl)).toBe(true);
    expect(messages.find((m) => m.data.type === 'rendezvous:date_and_time_selected')?.data.start).toBe(slot.start);
    expect(messages.find((m) => m.data.type === 'rendezvous:event_scheduled')?.data.booking).toEqual({ id: booking.id, start: booking.start, end: booking.end, status: 'confirmed' });
    await expect.poll(() => fitsWithoutScrolling(frame)).toBe(true);
    expect(await axeViolations(frame)).toEqual([]);

    // Add to calendar works inside the frame: the .ics downloads and parses to the booking's UTC times.
    const download = page.waitForEvent('download');
    await frame.getByRole('link', { name: 'Download .ics file' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const events = Object.values(ical.sync.parseICS(Buffer.concat(chunks).toString('utf8'))).filter((entry) => entry?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const event = events[0] as ical.VEvent;
    expect(event.start.toISOString()).toBe(booking.start);
    expect(event.end?.toISOString()).toBe(booking.end);
    // The manage pages refuse frames: from the embed they open in a new tab.
    expect(await frame.getByRole('link', { name: 'Reschedule' }).getAttribute('target')).toBe('_blank');
    await screenshotBothWidths(page, 'embed-inline-booked');
  });

  it('opens the popup as a modal that keeps focus, closes on Escape (also from inside the frame) and gives focus back', async () => {
    const page = await newPage();
    await page.goto(`${siteOrigin}/`);
    const trigger = page.getByRole('button', { name: 'Book a deep dive' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Book a meeting' });
    await dialog.waitFor();
    const frame = await embedFrame(page, '/demo/deep-dive');
    await frame.getByRole('heading', { name: 'Select a date and time' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close');

    const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('dialog') !== null);
    // Focus crossing the frame's edge moves between processes, so it settles a moment after the key.
    for (let step = 0; step < 25; step++) {
      await page.keyboard.press('Tab');
      await expect.poll(focusInDialog, { timeout: 2_000 }).toBe(true);
    }
    for (let step = 0; step < 5; step++) {
      await page.keyboard.press('Shift+Tab');
      await expect.poll(focusInDialog, { timeout: 2_000 }).toBe(true);
    }
    expect(await axeViolations(frame)).toEqual([]);
    await screenshotBothWidths(page, 'embed-popup');

    await page.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Book a deep dive');

    // Escape pressed while focus is inside the frame reaches the site by message.
    await trigger.click();
    const again = await embedFrame(page, '/demo/deep-dive');
    // Escape that closes the open time-zone list closes only the list, not the popup.
    const zone = again.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await expect.poll(() => zone.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => zone.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await again.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Book a deep dive');
  });

  it('adds a floating button that opens the same popup', async () => {
    const page = await newPage();
    await page.goto(`${siteOrigin}/`);
    await page.evaluate((url) => (window as unknown as { Rendezvous: { floatingButton: (o: object) => void } }).Rendezvous.floatingButton({ url, text: 'Talk to us' }), `${baseUrl}/demo`);
    await page.getByRole('button', { name: 'Talk to us' }).click();
    const frame = await embedFrame(page, '/demo');
    await frame.getByRole('link', { name: /Intro call/ }).click();
    // The host's list links to the embedded booking page, carrying the site's origin along.
    // A navigation, not a repaint: it may take longer than expect.poll's one second on a busy machine.
    await frame.waitForURL((url) => url.pathname === '/embed/demo/intro');
    expect(new URL(frame.url()).pathname).toBe('/embed/demo/intro');
    expect(new URL(frame.url()).searchParams.get('embed_origin')).toBe(siteOrigin);
    await frame.getByRole('heading', { name: 'Select a date and time' }).waitFor();
  });

  it('frames the embed route, while /demo/intro itself refuses any frame', async () => {
    const embed = await fetch(`${baseUrl}/embed/demo/intro`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const plain = await fetch(`${baseUrl}/demo/intro`);
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-frame-options')).toBe('DENY');

    const page = await newPage();
    await page.goto(`${siteOrigin}/frames-booking-page`);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect.poll(() => framed?.url()).toBe('chrome-error://chromewebdata/');
  });

  it('serves embed.js small, as JavaScript, cacheable for an hour', async () => {
    const script = await fetch(`${baseUrl}/embed.js?v=1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=3600');
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('makes frames only for its own origin: a javascript: or foreign URL in the markup or from script gets none', async () => {
    const page = await newPage();
    await page.goto(`${siteOrigin}/hostile-markup`);
    await page.waitForFunction(() => 'Rendezvous' in window);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const popup = await page.evaluate(() => (window as unknown as { Rendezvous: { popup(o: { url: string }): unknown } }).Rendezvous.popup({ url: 'https://evil.example/x' }));
    expect(popup).toBeNull();
    expect(await page.locator('dialog').count()).toBe(0);
  });
});

async function waitForTimesIn(frame: Frame): Promise<void> {
  await frame
    .getByRole('button', { name: /^Book / })
    .first()
    .or(frame.getByText('No open times in this range.'))
    .waitFor();
}
