import type { Frame, Page } from 'playwright-core';

// Steps an invitee takes on the booking page, for a page or the embed's frame alike. Nothing assumes
// today's date: every test takes the first time the page offers.

export type Surface = Page | Frame;

export const dayHeadingIn = (zone: string, iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(iso));

/**
 * Waits until the picker has answered: some open times, or the empty state. The booking page's
 * inline script draws the first times before React has hydrated; the month calendar (a table) comes
 * only with React, so the steps below act on the hydrated picker.
 */
export async function waitForTimes(surface: Surface): Promise<void> {
  await surface.getByRole('table').waitFor();
  await surface
    .getByRole('button', { name: /^Book / })
    .first()
    .or(surface.getByText('No open times in this range.'))
    .waitFor();
}

/** Shows the times of one date (a calendar button is labelled "Tuesday, November 24, 12 open times"). */
export async function showDay(surface: Surface, heading: string): Promise<void> {
  await surface.getByRole('button', { name: `${heading}, ` }).click();
  await surface.getByRole('list', { name: `Open times on ${heading}` }).waitFor();
}

/**
 * The first offered time at least a minute away (so it cannot expire while the form is filled) that
 * `accept` takes: the first date's times, else the next dates', else next month's.
 */
export async function firstOfferedTime(surface: Surface, accept: (start: string) => boolean = () => true): Promise<{ start: string; label: string }> {
  for (let month = 0; month < 3; month++) {
    await waitForTimes(surface);
    const days = surface.getByRole('table').getByRole('button', { disabled: false });
    for (let index = 0, count = await days.count(); index < count; index++) {
      const heading = (await days.nth(index).getAttribute('aria-label'))?.split(', ').slice(0, 2).join(', ') ?? '';
      await showDay(surface, heading);
      for (const button of await surface.getByRole('button', { name: /^Book / }).all()) {
        const start = await button.getAttribute('data-start');
        const label = await button.getAttribute('aria-label');
        if (start && label && Date.parse(start) > Date.now() + 60_000 && accept(start)) return { start, label };
      }
    }
    await surface.getByRole('button', { name: 'Next month' }).click();
  }
  throw new Error('no open time offered in three months');
}

/** Clicks the time that starts at `start`, first turning to its month and date. */
export async function pickTime(surface: Surface, start: string, zone: string): Promise<void> {
  await waitForTimes(surface);
  const heading = dayHeadingIn(zone, start);
  for (let month = 0; month < 3 && (await surface.getByRole('button', { name: `${heading}, ` }).count()) === 0; month++) {
    await surface.getByRole('button', { name: 'Next month' }).click();
    await waitForTimes(surface);
  }
  await showDay(surface, heading);
  await surface.locator(`button[data-start="${start}"]`).click();
}

export async function fillDetails(surface: Surface, name: string, email: string): Promise<void> {
  await surface.getByLabel('Name').fill(name);
  await surface.getByLabel('Email').fill(email);
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
