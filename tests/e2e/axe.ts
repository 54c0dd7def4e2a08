import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotBothWidths } from './screenshots';

// axe-core run inside the page. Evaluated over the DevTools protocol, so the page's CSP (which allows
// only its own nonce-marked scripts) does not apply to it.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The WCAG 2.1 A/AA violations on the page (or in a frame, e.g. the embed) as it is now; [] when there are none. */
export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  // A client navigation (a language switch, a server action's refresh) swaps the head a moment after the
  // body the test waited for: let the title come back before judging. A page with none still fails, 5 s later.
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  // Once per document: parsing axe's 500 KB again for each check of the same page is wasted time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** A page state as every browser test checks it: no axe violations, then screenshots at 1280 and 375 px. */
export async function checkPageState(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await screenshotBothWidths(page, name);
}
