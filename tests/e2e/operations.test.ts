import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../setup/production-server';
import { baseUrl } from './browser';

// The operator's endpoints in the production build: the migration journal is bundled with it (nothing
// is read from disk at request time) and prom-client works inside the server bundle.

const databaseUrl = inject('e2eDatabaseUrl');
const token = randomBytes(32).toString('hex');
let scraped: RunningServer;

beforeAll(async () => {
  scraped = await startProductionServer(databaseUrl, { METRICS_TOKEN: token });
}, 90_000);
afterAll(() => scraped?.stop());

describe('probes and metrics over HTTP', () => {
  it('answers readiness from the production build, and leaves /api/metrics 404 without a token configured', async () => {
    const ready = await fetch(`${baseUrl}/api/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('ready');
    expect(Object.entries(body.checks).map(([name, check]) => `${name}:${check.status}`)).toEqual(['database:ok', 'cache:ok', 'migrations:ok']);
    expect((await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('serves Prometheus text to the token only, with request durations by route pattern and the outbox backlog', async () => {
    expect((await fetch(`${scraped.baseUrl}/api/metrics`)).status).toBe(401);
    await fetch(`${scraped.baseUrl}/api/ready`);
    const reply = await fetch(`${scraped.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await reply.text();
    expect(text).toMatch(/^rendezvous_http_request_duration_seconds_count\{route="\/api\/ready",method="GET",status_class="2xx"\} [1-9]/m);
    expect(text).toMatch(/^rendezvous_outbox_oldest_pending_age_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
  });
});
