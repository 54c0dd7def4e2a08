import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { fillDetails, firstOfferedTime, pickTime as pickTimeIn, uniqueEmail } from './booking-steps';
import { demoMeetingTypeId } from './database';

// The invitee sits in Berlin, the demo host in New York (Mon–Fri 09:00–17:00). Nothing assumes today's
// date: every test takes the first time the page offers.

const browser = launchBrowserPerFile();
const INVITEE_ZONE = 'Europe/Berlin';
const contexts: BrowserContext[] = [];
const pickTime = (page: Page, start: string) => pickTimeIn(page, start, INVITEE_ZONE);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ timezoneId: INVITEE_ZONE, locale: 'en-US' });
  contexts.push(context);
  return context.newPage();
}

const timeIn = (zone: string, iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
const dateIn = (zone: string, iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso));

/** Opens the intro call's page; its id (the page comes with its first times, so it asks nothing). */
async function openIntroPage(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/demo/intro`);
  return demoMeetingTypeId('intro');
}

async function isOffered(meetingTypeId: string, start: string): Promise<boolean> {
  const day = dateIn(INVITEE_ZONE, start);
  const query = new URLSearchParams({ meetingTypeId, start: day, end: day, timezone: INVITEE_ZONE });
  const response = await fetch(`${baseUrl}/api/v1/availability?${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { slots: { start: string }[] };
  return body.slots.some((slot) => slot.start === start);
}

interface BookingReply {
  booking: { id: string; status: string; meetingTypeId: string; start: string; end: string; cancelUrl: string; rescheduleUrl: string };
}

describe.skipIf(!hasBrowser)('booking a meeting in Chromium', () => {
  it('books the first offered intro call from /demo in Berlin time, then cancels it and frees the slot', async () => {
    const page = await newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/bookings')) posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.goto(`${baseUrl}/demo`);
    await page.getByRole('link', { name: /Intro call/ }).click();
    await page.waitForURL(`${baseUrl}/demo/intro`);
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(/^Europe\/Berlin \(GMT\+[12]\)$/);

    const slot = await firstOfferedTime(page);
    // Shown in the invitee's zone, and inside the host's New York weekday hours.
    expect(slot.label).toBe(`Book ${timeIn(INVITEE_ZONE, slot.start)}`);
    const hostTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(slot.start));
    expect(hostTime).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (09|1[0-6]):(00|15|30|45)$/);

    await pickTime(page, slot.start);
    await fillDetails(page, 'Ada Lovelace', uniqueEmail('ada'));
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Confirm booking' }).dblclick();
    const response = await reply;
    expect(response.status()).toBe(201);
    const { booking } = (await response.json()) as BookingReply;

    const confirmation = page.getByTestId('confirmation');
    await confirmation.getByRole('heading', { name: 'You’re booked' }).waitFor();
    expect(await confirmation.locator('time').getAttribute('datetime')).toBe(slot.start);
    expect(await confirmation.locator('time').textContent()).toContain(timeIn(INVITEE_ZONE, slot.start));
    // A double click sends one request, with a UUID Idempotency-Key.
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await isOffered(booking.meetingTypeId, slot.start)).toBe(false);

    // Add to calendar: the .ics opens with the booking's own token; the others open in a new tab.
    const calendar = confirmation.getByRole('region', { name: 'Add to calendar' });
    const fileHref = await calendar.getByRole('link', { name: 'Download .ics file' }).getAttribute('href');
    expect(fileHref).toMatch(new RegExp(`^/api/v1/bookings/${booking.id}/ics\\?token=`));
    const file = await page.request.get(`${baseUrl}${fileHref}`);
    expect(file.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await file.text()).toContain(`DTSTART:${slot.start.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`);
    expect(await calendar.getByRole('link', { name: 'Google Calendar' }).getAttribute('target')).toBe('_blank');
    expect(await calendar.getByRole('link', { name: 'Outlook' }).getAttribute('rel')).toBe('noopener noreferrer');

    await confirmation.getByRole('link', { name: 'Cancel booking' }).click();
    await page.waitForURL((url) => url.pathname === `/bookings/${booking.id}/cancel` && url.searchParams.has('token'));
    expect(await page.locator('time').first().getAttribute('datetime')).toBe(slot.start);
    await page.getByLabel(/Reason for cancelling/).fill('Something came up');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('heading', { name: 'Cancelled' }).waitFor();
    expect(await isOffered(booking.meetingTypeId, slot.start)).toBe(true);
  });

  it('moves a booking to another time from its reschedule link and shows the new time and links', async () => {
    const page = await newPage();
    const meetingTypeId = await openIntroPage(page);
    const original = await firstOfferedTime(page);
    const created = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        meetingTypeId,
        start: original.start,
        name: 'Grace Hopper',
        email: uniqueEmail('grace'),
        timezone: INVITEE_ZONE,
      }),
    });
    expect(created.status).toBe(201);
    const { booking } = (await created.json()) as BookingReply;

    // A cancel token does not open the reschedule page: same 404 as an unknown booking.
    const wrongPurpose = await page.goto(booking.cancelUrl.replace('/cancel?', '/reschedule?'));
    expect(wrongPurpose?.status()).toBe(404);

    await page.goto(booking.rescheduleUrl);
    expect(await page.locator('time').first().getAttribute('datetime')).toBe(original.start);
    // Times overlapping the booking are offered too (it is free for the move); take one clear of it.
    const next = await firstOfferedTime(page, (start) => Math.abs(Date.parse(start) - Date.parse(original.start)) >= 30 * 60_000);
    await pickTime(page, next.start);
    await page.getByRole('heading', { name: 'Confirm the new time' }).waitFor();
    const reply = page.waitForResponse((r) => r.url().endsWith(`/api/v1/bookings/${booking.id}/reschedule`));
    await page.getByRole('button', { name: 'Confirm new time' }).click();
    const response = await reply;
    expect(response.status()).toBe(201);
    const moved = (await response.json()) as BookingReply;

    const confirmation = page.getByTestId('confirmation');
    await confirmation.getByRole('heading', { name: 'Rescheduled' }).waitFor();
    expect(await confirmation.locator('time').getAttribute('datetime')).toBe(next.start);
    expect(await confirmation.locator('time').textContent()).toContain(timeIn(INVITEE_ZONE, next.start));
    expect(await confirmation.getByRole('link', { name: 'Reschedule' }).getAttribute('href')).toBe(moved.booking.rescheduleUrl);
    expect(moved.booking.id).not.toBe(booking.id);
    expect(await isOffered(meetingTypeId, original.start)).toBe(true);
    expect(await isOffered(meetingTypeId, next.start)).toBe(false);

    // The old link now explains itself instead of offering times.
    await page.goto(booking.rescheduleUrl);
    await page.getByRole('heading', { name: 'This booking can’t be rescheduled' }).waitFor();
  });

  it('lets only one of two invitees book the same time; the other is told and sees fresh times', async () => {
    const [first, second] = await Promise.all([newPage(), newPage()]);
    await Promise.all([openIntroPage(first), openIntroPage(second)]);
    const slot = await firstOfferedTime(first);
    for (const [page, name] of [
      [first, 'Alan Turing'],
      [second, 'Katherine Johnson'],
    ] as const) {
      await pickTime(page, slot.start);
      await fillDetails(page, name, uniqueEmail('race'));
    }

    // Marks each page's window: a reload would drop the mark.
    await Promise.all([first, second].map((page) => page.evaluate(() => Object.assign(window, { notReloaded: true }))));
    await Promise.all([first, second].map((page) => page.getByRole('button', { name: 'Confirm booking' }).click()));
    const outcomes = await Promise.all(
      [first, second].map(async (page) => {
        const booked = page.getByRole('heading', { name: 'You’re booked' });
        const refused = page.getByRole('alert').filter({ hasText: 'That time can’t be booked' });
        await booked.or(refused).waitFor();
        return (await booked.isVisible()) ? 'booked' : 'refused';
      }),
    );
    expect(outcomes.toSorted()).toEqual(['booked', 'refused']);

    const loser = outcomes[0] === 'refused' ? first : second;
    await loser
      .getByRole('button', { name: /^Book / })
      .first()
      .or(loser.getByText('No open times in this range.'))
      .waitFor();
    expect(await loser.locator(`button[data-start="${slot.start}"]`).count()).toBe(0);
    expect(await loser.evaluate(() => 'notReloaded' in window)).toBe(true);
  });
  it('shows the API’s field errors next to the field and books once the invitee fixes it', async () => {
    const page = await newPage();
    await openIntroPage(page);
    const slot = await firstOfferedTime(page);
    await pickTime(page, slot.start);
    // The browser accepts an address without a dot in its domain; the API does not.
    await fillDetails(page, 'Edsger Dijkstra', 'edsger@localhost');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const email = page.getByLabel('Email');
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await email.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/email/i);

    await email.fill(uniqueEmail('edsger'));
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();
  });
});

describe.skipIf(!hasBrowser)('manage links in Chromium', () => {
  it('answers an unknown booking or a wrong token with the not-found page', async () => {
    const page = await newPage();
    for (const path of ['/bookings/00000000-0000-4000-8000-000000000000/cancel?token=nope', '/bookings/not-a-uuid/reschedule']) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Not found');
    }
  });

  it('answers an unknown meeting type with the not-found page', async () => {
    const page = await newPage();
    const response = await page.goto(`${baseUrl}/demo/no-such-meeting`);
    expect(response?.status()).toBe(404);
  });
});
