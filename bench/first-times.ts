import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
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
  /** Medians on the page's own clock (from navigation start): where the time goes. */
  phases: { firstByte: number; htmlDone: number; domContentLoaded: number; firstTime: number };
  /** Script files the page loaded, and their bytes on the wire (median load). */
  scripts: { files: number; transferBytes: number };
}

/** Navigation timing and script resources, read in the page once a time button shows. */
function readTimeline() {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.initiatorType === 'script');
  return {
    firstByte: navigation?.responseStart ?? Number.NaN,
    htmlDone: navigation?.responseEnd ?? Number.NaN,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    firstTime: performance.now(),
    scriptFiles: scripts.length,
    scriptBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
  };
}

type Timeline = ReturnType<typeof readTimeline>;

/** One load in a fresh context (no cookies, no HTTP cache): ms to the first visible time button, null when none showed. */
async function loadOnce(browser: Browser, url: string): Promise<{ ms: number; timeline: Timeline } | null> {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const visible = await page
      .locator('button[data-start]')
      .first()
      .waitFor({ state: 'visible', timeout: VISIBLE_TIMEOUT_MS })
      .then(() => true, () => false);
    const ms = performance.now() - started;
    return visible ? { ms, timeline: await page.evaluate(readTimeline) } : null;
  } finally {
    await context.close();
  }
}

function summariseLoads(path: string, loads: ({ ms: number; timeline: Timeline } | null)[]): FirstTimesResult {
  const shown = loads.filter((load) => load !== null);
  const median = (pick: (timeline: Timeline) => number) => summarise(shown.map((load) => pick(load.timeline))).p50;
  return {
    path,
    ms: summarise(shown.map((load) => load.ms)),
    timedOut: loads.length - shown.length,
    phases: {
      firstByte: median((t) => t.firstByte),
      htmlDone: median((t) => t.htmlDone),
      domContentLoaded: median((t) => t.domContentLoaded),
      firstTime: median((t) => t.firstTime),
    },
    scripts: { files: median((t) => t.scriptFiles), transferBytes: median((t) => t.scriptBytes) },
  };
}

/**
 * `loads` loads of `path` from each server, alternating between them after two warm-ups each (the
 * server's first renders of the page), so builds compared on a shared machine see the same load.
 * Null on a machine without Chromium.
 */
export async function measureFirstTimesPaired(baseUrls: string[], path = '/demo/intro', loads = 20): Promise<FirstTimesResult[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const unregister = onCleanup('close Chromium', () => browser.close());
  const results = baseUrls.map(() => [] as Awaited<ReturnType<typeof loadOnce>>[]);
  try {
    for (let i = 0; i < loads + 2; i++) {
      for (const [index, baseUrl] of baseUrls.entries()) {
        const load = await loadOnce(browser, `${baseUrl}${path}`);
        if (i >= 2) results[index]!.push(load);
      }
    }
  } finally {
    unregister();
    await browser.close();
  }
  return results.map((loadsOfOne) => summariseLoads(path, loadsOfOne));
}

/** Null on a machine without Chromium. */
export async function measureFirstTimes(baseUrl: string, path = '/demo/intro', loads = 20): Promise<FirstTimesResult | null> {
  return (await measureFirstTimesPaired([baseUrl], path, loads))?.[0] ?? null;
}

export function describeFirstTimes({ path, ms, timedOut, phases, scripts }: FirstTimesResult): string {
  const f = (n: number) => n.toFixed(0);
  return [
    `first-times: ${path} p50 ${f(ms.p50)} ms, p95 ${f(ms.p95)} ms (${ms.count} loads, ${timedOut} timed out)`,
    `  page clock, medians: first byte ${f(phases.firstByte)} ms, HTML done ${f(phases.htmlDone)} ms, DOMContentLoaded ${f(phases.domContentLoaded)} ms, first time ${f(phases.firstTime)} ms`,
    `  scripts: ${scripts.files} files, ${f(scripts.transferBytes / 1024)} KiB on the wire`,
  ].join('\n');
}
