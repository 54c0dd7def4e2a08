import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The slot engine stays pure because lint says so; this proves the rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

// Loading the config and its plugins takes seconds on a busy machine; do it once, outside the tests' budget.
beforeAll(() => eslint.lintText('', { filePath: 'lib/example.ts' }), 60_000);

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('lint keeps lib/scheduling free of I/O', () => {
  it.each([
    ["import { db } from '@/db/client';"],
    ["import { db } from '@/lib/database';"],
    ["import postgres from 'postgres';"],
    ["import { headers } from 'next/headers';"],
    ["import { Redis } from '@upstash/redis';"],
    ["import { Inngest } from 'inngest';"],
    ["import { readFileSync } from 'node:fs';"],
  ])('refuses %s', async (line) => {
    expect(await ruleIdsFor(`${line}\nexport const x = 1;\n`, 'lib/scheduling/example.ts')).toContain('no-restricted-imports');
  });

  it('refuses reading the clock', async () => {
    const ids = await ruleIdsFor('export const now = Date.now();\nexport const also = new Date();\n', 'lib/scheduling/example.ts');
    expect(ids.filter((id) => id === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('allows date-fns-tz and zod, and allows I/O imports outside lib/scheduling', async () => {
    const pure = "import { formatInTimeZone } from 'date-fns-tz';\nimport { z } from 'zod';\nexport const f = [formatInTimeZone, z];\n";
    expect(await ruleIdsFor(pure, 'lib/scheduling/example.ts')).toEqual([]);
    expect(await ruleIdsFor("import postgres from 'postgres';\nexport const p = postgres;\n", 'lib/availability/example.ts')).toEqual([]);
  });

  it('keeps process.env out of everything but lib/env.ts', async () => {
    expect(await ruleIdsFor('export const url = process.env.DATABASE_URL;\n', 'lib/booking/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIdsFor('export const url = process.env.DATABASE_URL;\n', 'lib/env.ts')).toEqual([]);
  });
});
