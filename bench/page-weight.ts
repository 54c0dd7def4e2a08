import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What the embed costs a site: public/embed.js gzipped (budget 5 KB), and the JavaScript the embedded
// booking page ships against the booking page itself (the embed must not ship more). Counted from the
// pages a running production build serves: every <script src> chunk, fetched and weighed.
//
//   npx tsx bench/page-weight.ts http://127.0.0.1:3000     # a running build whose /demo host exists
//   npx tsx bench/page-weight.ts                           # builds, seeds the demo host, serves, measures
// Either way the result replaces the "Embed weight" section of bench/RESULTS.md.

export const EMBED_SCRIPT_BUDGET_BYTES = 5 * 1024;
const PAGES = { booking: '/demo/intro', embed: '/embed/demo/intro' } as const;

export interface PageScripts {
  path: string;
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** Inline <script> text (the React Server Components payload and bootstrap), for reference. */
  inlineBytes: number;
}

export interface PageWeight {
  embedScript: { bytes: number; gzipBytes: number };
  booking: PageScripts;
  embed: PageScripts;
  embedScriptWithinBudget: boolean;
  embedPageNoHeavier: boolean;
}

async function pageScripts(baseUrl: string, pagePath: string): Promise<PageScripts> {
  const response = await fetch(`${baseUrl}${pagePath}`);
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!))];
  const inlineBytes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!), 0);
  let bytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    const chunk = Buffer.from(await (await fetch(new URL(source.replaceAll('&amp;', '&'), baseUrl))).arrayBuffer());
    bytes += chunk.byteLength;
    gzipBytes += gzipSync(chunk, { level: 9 }).byteLength;
  }
  return { path: pagePath, chunks: sources.length, bytes, gzipBytes, inlineBytes };
}

export async function measurePageWeight(baseUrl: string): Promise<PageWeight> {
  const script = readFileSync(path.join(process.cwd(), 'public', 'embed.js'));
  const embedScript = { bytes: script.byteLength, gzipBytes: gzipSync(script, { level: 9 }).byteLength };
  const booking = await pageScripts(baseUrl, PAGES.booking);
  const embed = await pageScripts(baseUrl, PAGES.embed);
  return {
    embedScript,
    booking,
    embed,
    embedScriptWithinBudget: embedScript.gzipBytes < EMBED_SCRIPT_BUDGET_BYTES,
    embedPageNoHeavier: embed.bytes <= booking.bytes,
  };
}

const number = (value: number) => value.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');

export const PAGE_WEIGHT_HEADING = '## Embed weight';

export function renderPageWeight(weight: PageWeight, measuredAt: Date): string {
  const row = (label: string, page: PageScripts) =>
    `| ${label} (\`${page.path}\`) | ${page.chunks} | ${number(page.bytes)} | ${number(page.gzipBytes)} | ${number(page.inlineBytes)} |`;
  return [
    PAGE_WEIGHT_HEADING,
    '',
    `Measured ${measuredAt.toISOString()} against a production build (\`bench/page-weight.ts\`).`,
    '',
    `- \`public/embed.js\`: ${number(weight.embedScript.bytes)} bytes, **${number(weight.embedScript.gzipBytes)} bytes gzipped** (gzip -9) — budget < ${number(EMBED_SCRIPT_BUDGET_BYTES)}: ${verdict(weight.embedScriptWithinBudget)}`,
    `- The embedded booking page ships no more JavaScript than the booking page (sum of its \`<script src>\` chunks): ${verdict(weight.embedPageNoHeavier)}`,
    '',
    '| page | script chunks | bytes | gzip -9 bytes | inline script bytes (RSC payload) |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('booking page', weight.booking),
    row('embedded booking page', weight.embed),
    '',
  ].join('\n');
}

/** RESULTS.md with its embed-weight section replaced (or added at the end). */
export function withPageWeightSection(results: string, section: string): string {
  const start = results.indexOf(PAGE_WEIGHT_HEADING);
  if (start < 0) return `${results.trimEnd()}\n\n${section}`;
  const next = results.indexOf('\n## ', start + PAGE_WEIGHT_HEADING.length);
  return `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next + 1)}`;
}

async function measureOwnBuild(): Promise<PageWeight> {
  const { startAppServer } = await import('./app-server');
  const { buildForBenchmark } = await import('./build');
  const { startBenchDatabase } = await import('./database');
  const { cleanUp, cleanUpOnSignals } = await import('./lifecycle');
  const { createDatabase } = await import('@/db/client');
  const { seedDemoHost } = await import('@/lib/hosts/demo-seed');
  cleanUpOnSignals();
  try {
    await buildForBenchmark();
    const database = await startBenchDatabase();
    const seeded = createDatabase(database.url, { max: 1 });
    await seedDemoHost(seeded);
    await seeded.close();
    const server = await startAppServer({ databaseUrl: database.url });
    try {
      return await measurePageWeight(server.baseUrl);
    } finally {
      await server.stop();
    }
  } finally {
    await cleanUp();
  }
}

async function main(): Promise<void> {
  const baseUrl = process.argv[2];
  const weight = baseUrl ? await measurePageWeight(baseUrl.replace(/\/$/, '')) : await measureOwnBuild();
  const section = renderPageWeight(weight, new Date());
  console.log(section);
  const resultsPath = path.join(process.cwd(), 'bench', 'RESULTS.md');
  writeFileSync(resultsPath, withPageWeightSection(readFileSync(resultsPath, 'utf8'), section));
  if (!weight.embedScriptWithinBudget || !weight.embedPageNoHeavier) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error('[bench] page weight failed:', error);
    process.exitCode = 1;
  });
}
