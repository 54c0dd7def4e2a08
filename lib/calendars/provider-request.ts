import 'server-only';

// Every Calendar / Graph API call: JSON in and out, a bearer token, a bounded time. A non-2xx reply
// becomes a ProviderHttpError carrying the status, so callers can tell 410 (resync) from 401 (token).

export const PROVIDER_TIMEOUT_MS = 10_000;

export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
    /** The reply's Retry-After, in milliseconds from when it arrived; null when it gave none. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${what} answered ${status}`);
    this.name = 'ProviderHttpError';
  }
}

export interface ProviderRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  accessToken: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Null for 204 / empty bodies. */
export async function providerJson<T>(url: string, request: ProviderRequest, what: string): Promise<T> {
  const response = await fetch(url, {
    method: request.method ?? 'GET',
    headers: {
      authorization: `Bearer ${request.accessToken}`,
      accept: 'application/json',
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(request.timeoutMs ?? PROVIDER_TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 500);
    }
  }
  if (!response.ok) throw new ProviderHttpError(response.status, body, what, parseRetryAfter(response.headers.get('retry-after')));
  return body as T;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

export const isProviderStatus = (error: unknown, ...statuses: number[]) => error instanceof ProviderHttpError && statuses.includes(error.status);
