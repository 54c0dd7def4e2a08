import type { DashboardHost } from './dashboard-seed';
import { type LoadResult, type LoadShape, type LoadTarget, runLoad, WARM_UP_SECONDS } from './load';
import { signInOverHttp } from './sign-in';

// The dashboard landing page (`GET /dashboard`, the Upcoming tab) for a signed-in host with 10,000
// bookings. Serial requests only: the question is what one page costs the server, not throughput.

export const DASHBOARD_SERIAL: LoadShape = { connections: 1, durationSeconds: 10 };

export interface DashboardLoad {
  serial: LoadResult;
  /** The page's HTML size, from the check before timing. */
  responseBytes: number;
  /** Booking rows on the page (the first page of Upcoming). */
  rowsShown: number;
}

/** One request before timing: a 200 listing the host's bookings, not a redirect to sign in. */
async function checkDashboard(target: LoadTarget): Promise<{ responseBytes: number; rowsShown: number }> {
  const response = await fetch(target.url, { headers: target.headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const html = await response.text();
  // Each name appears in the HTML and again in the inlined RSC payload: count distinct ones.
  const rowsShown = new Set(html.match(/Dashboard invitee \d+/g)).size;
  if (response.status !== 200 || rowsShown === 0) {
    throw new Error(`dashboard sanity check failed: HTTP ${response.status} (location ${response.headers.get('location') ?? 'none'}), ${rowsShown} booking rows:\n${html.slice(0, 2_000)}`);
  }
  return { responseBytes: Buffer.byteLength(html), rowsShown };
}

export async function measureDashboard(baseUrl: string, host: DashboardHost): Promise<DashboardLoad> {
  const cookie = await signInOverHttp(baseUrl, host.email, host.password);
  const target: LoadTarget = { url: `${baseUrl}/dashboard`, headers: { cookie } };
  const check = await checkDashboard(target);
  console.log(`[bench] dashboard landing: signed in, ${check.rowsShown} rows; serial run (${DASHBOARD_SERIAL.durationSeconds} s)…`);
  await runLoad(target, { ...DASHBOARD_SERIAL, durationSeconds: WARM_UP_SECONDS });
  const serial = await runLoad(target, DASHBOARD_SERIAL);
  console.log(`[bench] dashboard landing: p50 ${serial.latencyMs.p50.toFixed(1)} ms, p95 ${serial.latencyMs.p95.toFixed(1)} ms`);
  return { serial, ...check };
}
