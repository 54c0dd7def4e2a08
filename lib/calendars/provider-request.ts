import 'server-only';

// Every Calendar / Graph API call: JSON in and out, a bearer token, a bounded time. A non-2xx reply
// becomes a ProviderHttpError carrying the status, so callers can tell 410 (resync) from 401 (token).

export const PROVIDER_TIMEOUT_MS = 10_000;

export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
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
  if (!response.ok) throw new ProviderHttpError(response.status, body, what);
  return body as T;
}

export const isProviderStatus = (error: unknown, ...statuses: number[]) => error instanceof ProviderHttpError && statuses.includes(error.status);
