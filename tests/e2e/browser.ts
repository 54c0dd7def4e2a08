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

// The e2e project runs its files one after another in one worker without isolation
// (vitest.config.mts), so one Chromium per set of flags serves every file: each file still gets its own
// contexts (fresh cookies, storage and cache). Playwright closes it when the worker exits.
const launched = new Map<string, Promise<Browser>>();

async function sharedBrowser(extraFlags: string[]): Promise<Browser> {
  const key = extraFlags.join(' ');
  const existing = await launched.get(key)?.catch(() => undefined);
  if (existing?.isConnected()) return existing;
  const browser = chromium.launch({ executablePath: browserPath, args: [...flags, ...extraFlags], headless: true });
  launched.set(key, browser);
  return browser;
}

/** The browser for this file; `extraFlags` for a file that needs a stricter browser (e.g. third-party cookies blocked). */
export function launchBrowserPerFile(extraFlags: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasBrowser) return;
    browser = await sharedBrowser(extraFlags);
  });
  afterAll(async () => {
    // What a file left open is closed with it; the browser itself stays for the next file.
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}
