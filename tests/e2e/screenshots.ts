import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

// Screenshots saved with the test output (test-results/screenshots, not committed), at desktop width
// and at 375 px, so a person can look at what each page really shows.

export const screenshotDir = path.join(process.cwd(), 'test-results', 'screenshots');

export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['375', { width: 375, height: 812 }]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}
