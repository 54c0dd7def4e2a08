import { ProviderHttpError } from './provider-request';

// The one place that decides what a failed provider or feed request means for the sync:
// transient (throttled, overloaded, unreachable: try again after the advised delay), auth (the
// token or consent), or permanent (a reply that will not change by waiting: back off and show it).

export type SyncFailure =
  | { kind: 'transient'; retryAfterMs: number | null; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'permanent'; message: string };

const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Google answers quota exhaustion with 403 and one of these reasons (Calendar API "Handle API errors"). */
const GOOGLE_RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function googleReasons(body: unknown): string[] {
  const errors = (body as { error?: { errors?: { reason?: unknown }[] } } | null)?.error?.errors;
  return Array.isArray(errors) ? errors.map((e) => String(e?.reason ?? '')) : [];
}

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((error as { cause?: unknown }).cause);
}

function describe(error: ProviderHttpError): string {
  if (error.status === 429 || GOOGLE_RATE_LIMIT_REASONS.has(googleReasons(error.body)[0] ?? '')) return `${error.message}: the provider asked us to slow down`;
  if (error.status >= 500) return `${error.message}: the provider is having trouble`;
  return error.message;
}

export function classifySyncError(error: unknown): SyncFailure {
  if (error instanceof ProviderHttpError) {
    const message = describe(error);
    if (TRANSIENT_STATUSES.has(error.status)) return { kind: 'transient', retryAfterMs: error.retryAfterMs, message };
    if (error.status === 403 && googleReasons(error.body).some((reason) => GOOGLE_RATE_LIMIT_REASONS.has(reason))) return { kind: 'transient', retryAfterMs: error.retryAfterMs, message };
    if (error.status === 401) return { kind: 'auth', message: `${error.message}: the access token was refused` };
    return { kind: 'permanent', message };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'transient', retryAfterMs: null, message: 'The calendar did not answer in time' };
  const code = errorCode(error);
  if ((code && NETWORK_CODES.has(code)) || (error instanceof TypeError && error.message === 'fetch failed')) {
    return { kind: 'transient', retryAfterMs: null, message: `The calendar could not be reached${code ? ` (${code})` : ''}` };
  }
  return { kind: 'permanent', message: error instanceof Error ? error.message : 'Sync failed' };
}
