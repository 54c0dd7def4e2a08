import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GUARDED } from '@/lib/actions/host-action';
import { eq } from 'drizzle-orm';
import { meetingTypes, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { revokeApiKey } from '@/lib/hosts/api-keys/revoke';
import { hostContext } from '@/lib/hosts/host-write';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, createOverride, insertBookingRow } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { callApi, hostApiRoutes, issueKey, sampleBody } from './host-api';
import { pathTemplateOf } from './openapi-contract';

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
  'app/api/v1/openapi.json/route.ts': 'the OpenAPI document (public, like the API it describes)',
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

  it('every route handler outside the public list is built with hostRoute() (session) or apiRoute() (API key)', () => {
    const routes = sources.filter((s) => s.file.endsWith('/route.ts'));
    const unguarded = routes.filter(
      ({ file, text }) => !PUBLIC_ROUTES[file] && exportedNames(text).some((name) => !new RegExp(`export\\s+const\\s+${name}\\s*=\\s*(hostRoute|apiRoute)(<[^>]*>)?\\(`).test(text)),
    );
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

describe('authorization of every host API route (API keys)', () => {
  const database = connectTestDatabase();
  const apiRouteFiles = sources.filter((s) => s.file.endsWith('/route.ts') && /=\s*apiRoute(<[^>]*>)?\(/.test(s.text)).map((s) => s.file);
  const fileOf = (template: string) => `app${template.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
  const calls = Object.entries(hostApiRoutes).flatMap(([template, module]) =>
    Object.keys(module)
      .filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name))
      .map((method) => ({ method, template, writes: method !== 'GET' })),
  );

  /** Host A (the caller) and host B, whose meeting type, booking, date override, webhook endpoint and delivery A's key must not reach. */
  async function twoHosts() {
    const a = await createBookableHost(database);
    const b = await createBookableHost(database);
    const booking = await insertBookingRow(database, { hostUserId: b.host.id, meetingTypeId: b.meetingType.id, start: '2020-02-03T15:00:00Z', end: '2020-02-03T15:30:00Z' });
    await createOverride(database, b.host.id, '2099-05-05', { start: '10:00', end: '11:00' });
    const [endpoint] = await database
      .insert(webhookEndpoints)
      .values({ userId: b.host.id, url: 'https://hooks.example.com/in', events: ['booking.created'], secretEncrypted: 'sealed' })
      .returning();
    const deliveryId = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    await database.insert(webhookDeliveries).values({ id: deliveryId, endpointId: endpoint!.id, eventType: 'booking.created', payload: {}, status: 'succeeded', attempts: 1 });
    return { a, b, ids: { meetingType: b.meetingType.id, booking: booking.id, date: '2099-05-05', webhookEndpoint: endpoint!.id, webhookDelivery: deliveryId } };
  }
  type Ids = Awaited<ReturnType<typeof twoHosts>>['ids'];
  const idFor = (template: string, ids: Ids) =>
    template.startsWith('/api/v1/me/bookings')
      ? ids.booking
      : template.startsWith('/api/v1/webhook-endpoints')
        ? ids.webhookEndpoint
        : template.startsWith('/api/v1/webhook-deliveries')
          ? ids.webhookDelivery
          : ids.meetingType;
  const pathFor = (template: string, ids: Ids) => template.replace('{date}', ids.date).replace('{id}', idFor(template, ids));

  it('knows every route built with apiRoute(), and each is in the OpenAPI document', () => {
    expect(apiRouteFiles.sort()).toEqual(Object.keys(hostApiRoutes).map(fileOf).sort());
    for (const { method, template } of calls) expect(pathTemplateOf(template), `${method} ${template}`).toBe(template);
  });

  it('refuses no key and a revoked key (401), and a read key on every write (403), before touching anything', async () => {
    const { a, b, ids } = await twoHosts();
    const { key: readKey } = await issueKey(database, a.host.id, 'read');
    const { key: revoked, apiKey } = await issueKey(database, a.host.id, 'read-write');
    await revokeApiKey(hostContext(depsFor(database), a.host.id), { id: apiKey.id });
    for (const { method, template, writes } of calls) {
      const path = pathFor(template, ids);
      const body = sampleBody(method, template);
      expect((await callApi(method, path, { body })).status, `${method} ${template} without a key`).toBe(401);
      expect((await callApi(method, path, { key: revoked, body })).status, `${method} ${template} with a revoked key`).toBe(401);
      if (writes) expect((await callApi(method, path, { key: readKey, body })).status, `${method} ${template} with a read key`).toBe(403);
    }
    expect((await database.select().from(meetingTypes).where(eq(meetingTypes.userId, a.host.id))).map((m) => m.id)).toEqual([a.meetingType.id]);
    expect(await database.select().from(meetingTypes).where(eq(meetingTypes.id, b.meetingType.id))).toHaveLength(1);
  });

  it("answers another host's ids as missing (404) and leaves their data as it was", async () => {
    const { a, b, ids } = await twoHosts();
    const { key } = await issueKey(database, a.host.id, 'read-write');
    const { key: bKey } = await issueKey(database, b.host.id, 'read');
    const before = { meetingType: await callApi('GET', `/api/v1/meeting-types/${ids.meetingType}`, { key: bKey }), booking: await callApi('GET', `/api/v1/me/bookings/${ids.booking}`, { key: bKey }) };
    const withIds = calls.filter(({ template }) => template.includes('{id}'));
    expect(withIds.length).toBeGreaterThanOrEqual(15);
    for (const { method, template } of withIds) {
      const reply = await callApi(method, pathFor(template, ids), { key, body: sampleBody(method, template) });
      expect(reply.status, `${method} ${template} with another host's id`).toBe(404);
    }
    // Dates are not ids: A's DELETE of a date B has an override on finds none of A's, and B's stays.
    expect((await callApi('DELETE', `/api/v1/date-overrides/${ids.date}`, { key })).status).toBe(404);
    expect((await callApi('GET', `/api/v1/meeting-types/${ids.meetingType}`, { key: bKey })).body).toEqual(before.meetingType.body);
    expect((await callApi('GET', `/api/v1/me/bookings/${ids.booking}`, { key: bKey })).body).toEqual(before.booking.body);
    expect((await callApi('GET', '/api/v1/date-overrides', { key: bKey })).body.dateOverrides).toEqual([{ date: ids.date, unavailable: false, windows: [{ startTime: '10:00', endTime: '11:00' }] }]);
    // B's endpoint keeps its URL, secret and switch, and its delivery was not sent again.
    const [endpoint] = await database.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ids.webhookEndpoint));
    expect(endpoint).toMatchObject({ url: 'https://hooks.example.com/in', secretEncrypted: 'sealed', enabled: true });
    expect(await database.select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ids.webhookEndpoint))).toEqual([{ status: 'succeeded' }]);
  });
});
