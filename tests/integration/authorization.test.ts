import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GUARDED } from '@/lib/actions/host-action';
import { signInAs } from '../setup/mock-current-host';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: async () => {} }));

// Every server action and route handler checks who is calling, where the data is touched — never
// only in the proxy (CVE-2025-29927). This test finds them all and fails on one that is neither
// guarded nor on the explicit public list below.

const appDir = path.join(process.cwd(), 'app');

/** Public on purpose, and why. */
const PUBLIC_ACTIONS: Record<string, string> = {
  'app/(auth)/actions.ts#signUpAction': 'creating an account needs no session (rate-limited per client)',
  'app/(auth)/actions.ts#signInAction': 'signing in needs no session (throttled per account and client)',
  'app/(auth)/actions.ts#signOutAction': 'signing out is harmless without a session',
  'app/(auth)/actions.ts#forgotPasswordAction': 'a signed-out host asks for a reset link (same answer for any address; limited per address and client)',
  'app/(auth)/actions.ts#resetPasswordAction': 'the single-use reset link is the credential',
  'app/(auth)/signin/page.tsx#inline': 'the OAuth buttons start a provider sign-in',
};
const PUBLIC_ROUTES: Record<string, string> = {
  'app/api/health/route.ts': 'liveness for load balancers',
  'app/api/ready/route.ts': 'readiness for load balancers (fixed reasons only; concurrent probes share one run)',
  'app/api/metrics/route.ts': 'Prometheus scrapes it with METRICS_TOKEN as bearer (404 while unset)',
  'app/api/auth/[...nextauth]/route.ts': "Auth.js's own endpoints",
  'app/api/v1/availability/route.ts': 'the public booking API',
  'app/api/v1/bookings/route.ts': 'the public booking API',
  'app/api/v1/bookings/[id]/route.ts': 'the public booking API (invitee link token)',
  'app/api/v1/bookings/[id]/ics/route.ts': 'the public booking API (invitee link token)',
  'app/api/v1/bookings/[id]/cancel/route.ts': 'the public booking API (invitee link token)',
  'app/api/v1/bookings/[id]/reschedule/route.ts': 'the public booking API (invitee link token)',
  'app/api/v1/bookings/[id]/decline/route.ts': 'the public booking API (invitee reschedule link token)',
  'app/api/v1/bookings/[id]/approval/route.ts': 'the public booking API (the host’s emailed approval link token)',
  'app/api/integrations/google/notifications/route.ts': 'Google push deliveries (checked by X-Goog-Channel-Token; they only enqueue a sync)',
  'app/api/integrations/microsoft/notifications/route.ts': 'Graph notifications and validation (checked by clientState; they only enqueue a sync)',
  'app/api/inngest/route.ts': 'Inngest calls it; the SDK verifies the signing key (404 when jobs run inline)',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
const sources = filesUnder(appDir).map((file) => ({ file: relative(file), text: readFileSync(file, 'utf8') }));
const isServerModule = (text: string) => /^\s*(['"])use server\1/.test(text);
const exportedNames = (text: string) => [...text.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(\w+)/g)].map((m) => m[1]!);

describe('authorization of every server action and route handler', () => {
  const serverModules = sources.filter((s) => isServerModule(s.text));

  it('finds the server actions and routes it checks (the scan itself works)', () => {
    expect(serverModules.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.file.endsWith('/route.ts')).length).toBeGreaterThanOrEqual(Object.keys(PUBLIC_ROUTES).length);
  });

  it('every exported server action is built with hostAction() or is on the public list', () => {
    const unguarded = serverModules.flatMap(({ file, text }) =>
      exportedNames(text).filter((name) => !new RegExp(`export\\s+const\\s+${name}\\s*=\\s*hostAction\\(`).test(text) && !PUBLIC_ACTIONS[`${file}#${name}`]).map((name) => `${file}#${name}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('inline server actions appear only where the public list allows them', () => {
    const inline = sources.filter((s) => !isServerModule(s.text) && /(['"])use server\1/.test(s.text)).map((s) => `${s.file}#inline`);
    expect(inline.filter((key) => !PUBLIC_ACTIONS[key])).toEqual([]);
  });

  it('every route handler outside the public list is built with hostRoute()', () => {
    const routes = sources.filter((s) => s.file.endsWith('/route.ts'));
    const unguarded = routes.filter(({ file, text }) => !PUBLIC_ROUTES[file] && exportedNames(text).some((name) => !new RegExp(`export\\s+const\\s+${name}\\s*=\\s*hostRoute\\(`).test(text)));
    expect(unguarded.map((r) => r.file)).toEqual([]);
  });

  it('refuses every guarded action when signed out, before touching anything', async () => {
    signInAs(null);
    const guarded = serverModules.filter(({ file, text }) => exportedNames(text).some((name) => !PUBLIC_ACTIONS[`${file}#${name}`]));
    for (const { file } of guarded) {
      const exported = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
      for (const [name, action] of Object.entries(exported)) {
        if (typeof action !== 'function') continue;
        expect((action as unknown as Record<symbol, unknown>)[GUARDED], `${file}#${name}`).toBe(true);
        const result = (await (action as (input: unknown) => Promise<unknown>)({})) as { ok: boolean; error?: { code: string } };
        expect(result, `${file}#${name}`).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    }
  });
});
