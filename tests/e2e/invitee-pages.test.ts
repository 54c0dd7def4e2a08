import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { fillDetails, firstOfferedTime, pickTime, uniqueEmail, waitForTimes } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { demoMeetingTypeId } from './database';
import { screenshotBothWidths } from './screenshots';

// The invitee's side beyond the happy path: rescheduling onto overlapping times, the picker's zone
// search and clock format, accessibility (axe) of every invitee page, and 360 px screens.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale: 'en-US', viewport });
  contexts.push(context);
  return context.newPage();
}

/** Opens a demo booking page; its meeting type id (the page comes with its first times, so it asks nothing). */
async function openBookingPage(page: Page, slug: string): Promise<string> {
  await page.goto(`${baseUrl}/demo/${slug}`);
  return demoMeetingTypeId(slug);
}

async function offeredStarts(meetingTypeId: string, query: Record<string, string> = {}): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const end = new Date(Date.now() + 40 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  const search = new URLSearchParams({ meetingTypeId, start: today, end, timezone: ZONE, ...query });
  const response = await fetch(`${baseUrl}/api/v1/availability?${search}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { slots: { start: string }[] }).slots.map((slot) => slot.start);
}

async function bookByApi(meetingTypeId: string, start: string) {
  const response = await fetch(`${baseUrl}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ meetingTypeId, start, name: 'Barbara Liskov', email: uniqueEmail('liskov'), timezone: ZONE }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { booking: { id: string; start: string; end: string; cancelUrl: string; rescheduleUrl: string } }).booking;
}

/** Nothing wider than the screen: no sideways scrolling. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasBrowser)('invitee pages in Chromium', () => {
  it('moves a 60-minute booking 30 minutes later through the reschedule page', async () => {
    const page = await newPage();
    const meetingTypeId = await openBookingPage(page, 'deep-dive');
    const free = await offeredStarts(meetingTypeId);
    const original = free.find((start) => Date.parse(start) > Date.now() + 60 * MINUTE && free.includes(new Date(Date.parse(start) + 30 * MINUTE).toISOString()));
    if (!original) throw new Error('no two deep-dive starts 30 minutes apart in the next 40 days');
    const later = new Date(Date.parse(original) + 30 * MINUTE).toISOString();
    const booking = await bookByApi(meetingTypeId, original);
    // Publicly, the half hour later overlaps the booking and is not offered.
    expect(await offeredStarts(meetingTypeId)).not.toContain(later);

    await page.goto(booking.rescheduleUrl);
    await page.getByRole('heading', { name: 'Pick a new date and time' }).waitFor();
    await waitForTimes(page);
    expect(await axeViolations(page)).toEqual([]);
    await pickTime(page, later, ZONE);
    // The booking's own time is not offered: moving there would change nothing.
    expect(await page.locator(`button[data-start="${original}"]`).count()).toBe(0);
    await page.getByRole('heading', { name: 'Confirm the new time' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const reply = page.waitForResponse((r) => r.url().endsWith(`/api/v1/bookings/${booking.id}/reschedule`));
    await page.getByRole('button', { name: 'Confirm new time' }).click();
    const response = await reply;
    expect(response.status()).toBe(201);
    const moved = ((await response.json()) as { booking: { start: string; end: string } }).booking;
    expect(moved).toMatchObject({ start: later, end: new Date(Date.parse(later) + 60 * MINUTE).toISOString() });
    await page.getByRole('heading', { name: 'Rescheduled' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('books from the page with no accessibility violations on the picker, the form, the confirmation and the cancel page', async () => {
    const page = await newPage();
    await openBookingPage(page, 'intro');
    await waitForTimes(page);
    expect(await axeViolations(page)).toEqual([]);
    const slot = await firstOfferedTime(page);
    await pickTime(page, slot.start, ZONE);
    await page.getByLabel('Email').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await fillDetails(page, 'Radia Perlman', uniqueEmail('perlman'));
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Cancel booking' }).click();
    await page.getByLabel(/Reason for cancelling/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await fitsWidth(page)).toBe(true);
  });

  it('carries ?name= and utm_* from a link to the host page through to the booking', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/demo?name=Grace%20Hopper&utm_source=newsletter&utm_content=footer&ref=dropped`);
    await page.getByRole('link', { name: /Intro call/ }).click();
    await page.waitForURL((url) => url.pathname === '/demo/intro');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ name: 'Grace Hopper', utm_source: 'newsletter', utm_content: 'footer' });
    const slot = await firstOfferedTime(page);
    await pickTime(page, slot.start, ZONE);
    expect(await page.getByLabel('Name').inputValue()).toBe('Grace Hopper');
    await page.getByLabel('Email').fill(uniqueEmail('hopper'));
    const reply = page.waitForResponse((r) => r.url() === `${baseUrl}/api/v1/bookings` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const response = await reply;
    expect(response.status()).toBe(201);
    expect(response.request().postDataJSON()).toMatchObject({ name: 'Grace Hopper', tracking: { utm_source: 'newsletter', utm_content: 'footer' } });
  });

  it('finds a zone by typing part of its name, shows its offset, and remembers a 24-hour clock', async () => {
    const page = await newPage();
    await openBookingPage(page, 'intro');
    await waitForTimes(page);
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('tokyo');
    await page.getByRole('option', { name: 'Asia/Tokyo (GMT+9)' }).click();
    await waitForTimes(page);
    await zone.fill('berl');
    expect(await page.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^Europe\/Berlin \(GMT\+[12]\)$/)]);
    await page.getByRole('option').first().click();
    await waitForTimes(page);

    const firstTime = page.getByRole('button', { name: /^Book / }).first();
    expect(await firstTime.textContent()).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/);
    await page.getByRole('radio', { name: '24h' }).check();
    expect(await firstTime.textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await waitForTimes(page);
    expect(await page.getByRole('radio', { name: '24h' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: /^Book / }).first().textContent()).toMatch(/^\d{2}:\d{2}$/);
  });

  it.each(['/demo/intro', '/embed/demo/intro', '/embed/demo', '/demo'])('fits a 360 px screen without sideways scrolling: %s', async (path) => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(`${baseUrl}${path}`);
    if (path.endsWith('/intro')) await waitForTimes(page);
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    if (path === '/embed/demo/intro') await screenshotBothWidths(page, 'embed-page');
  });
});
