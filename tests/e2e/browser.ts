import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const baseUrl = inject('baseUrl');
const browserPath = inject('browserPath');
/** False on a machine without Chromium: browser suites skip, and the global setup says so loudly. */
export const hasBrowser = browserPath !== '';

// Debian's Chromium, never a downloaded one; the flags keep it from dialling out on a closed network.
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// (playwright gives every launch its own fresh, empty profile directory.)

/** One browser per test file; `extraFlags` for a file that needs a stricter browser (e.g. third-party cookies blocked). */
export function launchBrowserPerFile(extraFlags: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasBrowser) return;
    browser = await chromium.launch({ executablePath: browserPath, args: [...flags, ...extraFlags], headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}
