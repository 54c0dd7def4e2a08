import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// One verb shape: verb(ctx, input), the actor in ctx, built once by hostAction / hostRoute through
// hostContext(). Lint refuses a host actor made up in lib/hosts, lib/calendars or app/; these prove the rule
// bites, leaves the one builder and other actors alone, and that the tree has no such literal today.
const eslint = new ESLint({ cwd: process.cwd() });

beforeAll(() => eslint.lintText('', { filePath: 'lib/hosts/example.ts' }), 60_000);

async function actorRefusals(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('no verb makes up a host actor', () => {
  it.each([
    ["export const actor = (userId: string) => ({ kind: 'host', userId });", 'lib/hosts/meeting-types/example.ts'],
    ["export const actor = (userId: string) => ({ kind: 'host' as const, userId });", 'lib/hosts/accounts/example.ts'],
    ["export const actor = (userId: string) => ({ 'kind': 'host', userId });", 'lib/calendars/example.ts'],
    ["export const target = (userId: string) => ({ hostUserId: userId, actor: { kind: 'host', userId } });", 'lib/calendars/ics/example.ts'],
    ["export const access = (userId: string) => ({ kind: 'host', userId });", 'app/dashboard/example/actions.ts'],
  ])('refuses %s in %s', async (code, filePath) => {
    expect(await actorRefusals(code, filePath)).toBe(1);
  });

  it.each([
    ["export const actor = (userId: string) => ({ kind: 'host', userId });", 'lib/hosts/host-write.ts'],
    ["export const actor = { kind: 'system', job: 'calendar-sync' };", 'lib/calendars/example.ts'],
    ["export const readsIt = (actor: { kind: string }) => actor.kind === 'host';", 'lib/hosts/example.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await actorRefusals(code, filePath)).toBe(0);
  });

  it('finds no host actor literal in lib/hosts, lib/calendars or app/ outside hostContext()', () => {
    const files = ['lib/hosts', 'lib/calendars', 'app'].flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((file) => join(dir, file)));
    const sources = files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts') && file !== join('lib', 'hosts', 'host-write.ts'));
    expect(sources.length).toBeGreaterThan(50);
    // An object literal, not the Actor type (`kind: 'host';` in a type ends with a semicolon).
    const offenders = sources.filter((file) => /kind:\s*['"]host['"]\s*(as const\s*)?,/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
