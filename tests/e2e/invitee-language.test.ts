import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { screenshotBothWidths } from './screenshots';
import { uniqueEmail } from './booking-steps';

// Invitees read the booking pages, the embed and their emails in their own language: Accept-Language
// by default, `?lang=` or the picker to choose (remembered in a cookie), English otherwise.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/Berlin';
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(locale: string): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale });
  contexts.push(context);
  return context.newPage();
}

const germanDay = (iso: string) => new Intl.DateTimeFormat('de', { timeZone: ZONE, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(iso));
const germanTime = (iso: string) => new Intl.DateTimeFormat('de', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** The first offered start (the picker opens on the first date that has one), turning months if needed. */
async function firstTime(page: Page, words: { nextMonth: string; empty: string }): Promise<string> {
  const times = page.locator('button[data-start]');
  for (let month = 0; month < 3; month++) {
    await times.first().or(page.getByText(words.empty)).waitFor();
    if ((await times.count()) > 0) break;
    await page.getByRole('button', { name: words.nextMonth }).click();
  }
  return (await times.first().getAttribute('data-start')) ?? '';
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function inviteeMail(bookingId: string): Promise<{ subject: string; text_body: string }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const rows = await withSql(
      (sql) => sql<{ subject: string; text_body: string }[]>`select subject, text_body from email_notifications e join bookings b on b.id = e.booking_id
        where e.booking_id = ${bookingId} and e.recipient_email = b.invitee_email and e.notification_type = 'confirmation'`,
    );
    if (rows[0]) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no confirmation email for the invitee');
}

describe.skipIf(!hasBrowser)('the invitee’s language', () => {
  it('shows a German browser the booking page in German with German dates and a 24-hour clock, books, and mails in German', async () => {
    const page = await newPage('de-DE');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/bookings')) posts.push(r.postData() ?? '');
    });
    const response = await page.goto(`${baseUrl}/demo/intro`);
    // The language comes from the request: the page is rendered per request and no shared cache may keep it.
    expect(response?.headers()['cache-control']).toContain('private');
    expect(response?.headers()['cache-control']).toContain('no-store');

    await page.getByRole('heading', { name: 'Datum und Uhrzeit wählen' }).waitFor();
    expect(await page.locator('[lang="de"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    const start = await firstTime(page, { nextMonth: 'Nächster Monat', empty: 'In diesem Zeitraum sind keine Zeiten frei.' });
    // "Montag, 7. Dezember" above the times, each time on the 24-hour clock ("15:00").
    await page.getByRole('heading', { name: germanDay(start) }).waitFor();
    expect(await page.locator(`button[data-start="${start}"]`).textContent()).toBe(germanTime(start));
    expect(await page.getByRole('list', { name: `Freie Zeiten am ${germanDay(start)}` }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '24h' }).isChecked()).toBe(true);
    // The change policy is stated up front in German too (the demo's intro call: no cut-off), beside "30 Minuten".
    expect(await page.getByTestId('booking-policy').textContent()).toBe('Sie können bis zum Beginn des Termins verschieben oder stornieren.');
    expect(await page.getByText('30 Minuten', { exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshotBothWidths(page, 'language-de-booking-page');
    // A long German string must not push the page sideways on a phone.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator(`button[data-start="${start}"]`).click();
    await page.getByRole('heading', { name: 'Ihre Angaben' }).waitFor();
    await page.getByLabel('Name').fill('Emmy Noether');
    await page.getByLabel('E-Mail').fill(uniqueEmail('emmy'));
    await expectAccessible(page);
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Buchung bestätigen' }).click();
    const { booking } = (await (await reply).json()) as { booking: { id: string } };
    await page.getByRole('heading', { name: 'Ihr Termin ist gebucht' }).waitFor();
    expect(JSON.parse(posts[0] ?? '{}')).toMatchObject({ locale: 'de' });
    await expectAccessible(page);
    await screenshotBothWidths(page, 'language-de-confirmation');

    const mail = await inviteeMail(booking.id);
    expect(mail.subject).toMatch(/^Bestätigt: Intro call mit /);
    expect(mail.text_body).toContain('Ihr Termin ist bestätigt');
    const longDate = new Intl.DateTimeFormat('de', { timeZone: ZONE, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(start));
    expect(mail.text_body).toContain(`Wann: ${longDate} · ${germanTime(start)} – `);

    // The email's links open the manage pages in German, whatever the browser says.
    const linkIn = (label: string) => {
      const url = new URL(new RegExp(`${label}: (\\S+)`).exec(mail.text_body)?.[1] ?? '');
      expect(url.searchParams.get('lang')).toBe('de');
      return `${baseUrl}${url.pathname}${url.search}`;
    };
    const english = await newPage('en-US');
    await english.goto(linkIn('Verschieben'));
    await english.getByRole('heading', { name: 'Neues Datum und neue Uhrzeit wählen' }).waitFor();
    await english.getByText('Aktuell gebucht').waitFor();
    await firstTime(english, { nextMonth: 'Nächster Monat', empty: 'In diesem Zeitraum sind keine Zeiten frei.' });
    await expectAccessible(english);
    await english.goto(linkIn('Stornieren'));
    await english.getByRole('heading', { name: 'Diesen Termin stornieren?' }).waitFor();
    await english.getByLabel('Grund für die Stornierung (optional)').fill('Krank');
    await expectAccessible(english);
    await screenshotBothWidths(english, 'language-de-cancel-page');
    await english.getByRole('button', { name: 'Buchung stornieren' }).click();
    await english.getByRole('heading', { name: 'Storniert' }).waitFor();
    await expectAccessible(english);
  });

  it('switches to French with ?lang=fr, and remembers it for the next page', async () => {
    const page = await newPage('de-DE');
    await page.goto(`${baseUrl}/demo/intro?lang=fr`);
    await page.getByRole('heading', { name: 'Choisissez une date et une heure' }).waitFor();
    await firstTime(page, { nextMonth: 'Mois suivant', empty: 'Aucun créneau libre sur cette période.' });
    expect((await page.context().cookies()).find((c) => c.name === 'rendezvous_lang')?.value).toBe('fr');
    await expectAccessible(page);
    await screenshotBothWidths(page, 'language-fr-booking-page');
    await page.goto(`${baseUrl}/demo`);
    await page.getByText('Choisissez un type de rendez-vous').waitFor();
  });

  it('switches language with the picker, English by default', async () => {
    const page = await newPage('en-US');
    await page.goto(`${baseUrl}/demo`);
    await page.getByText('Pick a meeting type to see open times.').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByText('Elige un tipo de reunión para ver los horarios libres.').waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await expectAccessible(page);
    await screenshotBothWidths(page, 'language-es-host-page');
    // The choice is remembered: the booking page opens in Spanish too.
    await page.goto(`${baseUrl}/demo/intro`);
    await page.getByRole('heading', { name: 'Elige fecha y hora' }).waitFor();
  });

  it('serves the embed in the invitee’s language and carries ?lang= to its booking page', async () => {
    const page = await newPage('de-DE');
    await page.goto(`${baseUrl}/embed/demo/intro`);
    await page.getByRole('heading', { name: 'Datum und Uhrzeit wählen' }).waitFor();
    await page.goto(`${baseUrl}/embed/demo?lang=es`);
    await page.getByText('Elige un tipo de reunión').waitFor();
    await page.getByRole('link', { name: /Intro call/ }).click();
    await page.getByRole('heading', { name: 'Elige fecha y hora' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await firstTime(page, { nextMonth: 'Mes siguiente', empty: 'No hay horarios libres en este periodo.' });
    await expectAccessible(page);
    await screenshotBothWidths(page, 'language-es-embed');
  });
});
