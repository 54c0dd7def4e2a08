import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The floor plan holds because lint says so (eslint.config.mjs, ARCHITECTURE.md §1); these prove the
// rules bite on a deliberately added upward import or cycle, and leave the downward ones alone.
const eslint = new ESLint({ cwd: process.cwd() });

// Loading the config and its plugins takes seconds on a busy machine; do it once, outside the tests' budget.
beforeAll(() => eslint.lintText('', { filePath: 'lib/example.ts' }), 60_000);

async function restrictedImports(importPath: string, filePath: string): Promise<number> {
  const code = `import { thing } from '${importPath}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

// Mirrors eslint.config.mjs's order; a domain imports only those before it.
const domains = ['scheduling', 'metrics', 'secrets', 'cache', 'jobs', 'hosts', 'auth', 'calendars', 'availability', 'booking', 'notifications', 'webhooks', 'accounts', 'actions', 'operations', 'openapi'];

describe('lint keeps imports pointing down', () => {
  it.each([
    ['@/lib/env', 'db/client.ts'],
    ['../lib/env', 'db/client.ts'],
    ['@/lib/secrets/password', 'db/seed.ts'],
    ['@/app/dashboard/page', 'lib/booking/example.ts'],
    ['@/components/ui/button', 'lib/hosts/example.ts'],
    ['@/inngest/client', 'lib/jobs/example.ts'],
    ['@/inngest/events', 'lib/jobs/example.ts'],
    ['@/inngest/client', 'lib/jobs/outbox.ts'],
    ['@/db/client', 'components/booking/example.tsx'],
    ['@/inngest/client', 'components/example.tsx'],
    ['@/app/layout', 'inngest/example.ts'],
    ['@/lib/notifications/transport', 'emails/example.tsx'],
    ['@/lib/metrics/counters', 'lib/scheduling/example.ts'],
    ['@/lib/cache/store', 'lib/metrics/example.ts'],
    ['@/lib/operations/readiness', 'lib/booking/example.ts'],
    ['@/lib/operations/readiness', 'lib/example.ts'],
  ])('refuses %s from %s', async (importPath, filePath) => {
    expect(await restrictedImports(importPath, filePath)).toBe(1);
  });

  it.each([
    // The cycles issue 16 found, each re-added in its closing direction.
    ['@/lib/booking/tokens', 'lib/availability/moving-booking.ts'],
    ['@/lib/booking/present-booking', 'lib/calendars/write-back.ts'],
    ['@/lib/auth/password-sign-in', 'lib/hosts/accounts/sign-up.ts'],
    ['@/lib/actions/action-result', 'lib/scheduling/example.ts'],
    ['@/lib/booking/tokens', 'lib/example.ts'],
  ])('refuses the cycle %s from %s', async (importPath, filePath) => {
    expect(await restrictedImports(importPath, filePath)).toBe(1);
  });

  it('refuses every pair of lib domains in at least one direction, so none import each other both ways', async () => {
    for (const a of domains) {
      for (const b of domains.filter((d) => d > a)) {
        const there = await restrictedImports(`@/lib/${b}/example`, `lib/${a}/example.ts`);
        const back = await restrictedImports(`@/lib/${a}/example`, `lib/${b}/example.ts`);
        expect(there + back, `${a} ↔ ${b}`).toBe(1);
      }
    }
  }, 60_000);

  it.each([
    ['@/lib/availability/load-schedule', 'lib/booking/bookable-slot.ts'],
    ['@/lib/hosts/host-write', 'lib/calendars/busy-store.ts'],
    ['@/lib/secrets/token-hash', 'lib/availability/moving-booking.ts'],
    ['@/db/client', 'lib/database.ts'],
    ['@/lib/env', 'lib/database.ts'],
    ['@/lib/booking', 'app/example/page.tsx'],
    ['@/lib/calendars/sync-connection', 'inngest/example.ts'],
    ['@/lib/jobs/events', 'lib/hosts/host-write.ts'],
    ['@/lib/metrics/http-requests', 'lib/http.ts'],
    ['@/lib/metrics/counters', 'lib/booking/count-outcome.ts'],
    ['@/lib/cache', 'lib/operations/readiness.ts'],
  ])('allows the downward %s from %s', async (importPath, filePath) => {
    expect(await restrictedImports(importPath, filePath)).toBe(0);
  });
});
