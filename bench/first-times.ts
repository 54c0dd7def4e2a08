import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { onCleanup } from './lifecycle';
import { type Summary, summarise } from './stats';

// The public booking page as an invitee first sees it: Debian's Chromium opens /{username}/{slug} in
// a fresh context each time (no cookies, no HTTP cache) and times navigation → the first time button
// visible. Target: p50 < 500 ms.

const CHROMIUM = '/usr/bin/chromium';
const VISIBLE_TIMEOUT_MS = 15_000;

export interface FirstTimesResult {
  path: string;
  ms: Summary;
  /** Page loads that never showed a time within the timeout. */
  timedOut: number;
}

/** Null on a machine without Chromium. */
export async function measureFirstTimes(baseUrl: string, path = '/demo/intro', loads = 20): Promise<FirstTimesResult | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const unregister = onCleanup('close Chromium', () => browser.close());
  const samples: number[] = [];
  let timedOut = 0;
  try {
    for (let i = 0; i < loads + 2; i++) {
      const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
      const visible = await page
        .locator('button[data-start]')
        .first()
        .waitFor({ state: 'visible', timeout: VISIBLE_TIMEOUT_MS })
        .then(() => true, () => false);
      const ms = performance.now() - started;
      await context.close();
      if (i < 2) continue; // warm-up: the server's first renders of the page
      if (visible) samples.push(ms);
      else timedOut += 1;
    }
  } finally {
    unregister();
    await browser.close();
  }
  return { path, ms: summarise(samples), timedOut };
}
