import { AsyncLocalStorage } from 'node:async_hooks';

// Every request carries an id: a sane one the caller (or a proxy in front) sent in X-Request-Id, else
// a fresh one. It goes back on the reply and onto every log line written while the request runs.

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

// One store per process: Next.js bundles this module into several chunks, and each copy must see the
// same context.
const holder = globalThis as unknown as { __rendezvousRequestContext?: AsyncLocalStorage<{ requestId: string }> };
const context = (holder.__rendezvousRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work);
}

/** The id of the request this code runs for, if any (log lines carry it). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
