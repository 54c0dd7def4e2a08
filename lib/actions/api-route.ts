import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { hitLimit, peekLimit, rateLimited, type Verdict } from '@/lib/cache/rate-limit';
import { clientAddress } from '@/lib/client-address';
import { AppError } from '@/lib/errors';
import { type HostContext, hostContext } from '@/lib/hosts/host-write';
import { authenticateApiKey } from '@/lib/hosts/api-keys/authenticate';
import { errorResponse, parseJsonBody, route } from '@/lib/http';

// hostRoute's sibling for the host REST API (/api/v1): the same verb context, with the API key's host
// as the actor instead of the session's. Key → per-key rate limit → scope → the handler; every reply,
// errors included, carries the RateLimit-* headers. Failed keys count per client address: past
// RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT that address is answered 429 before any key is looked up, so
// guessing keys (or probing which are revoked) costs the guesser, not the database.

export type ApiScope = 'read' | 'read-write';

/** Bodies of the host API may be larger than the invitee API's (a week of hours, a long description). */
export const API_MAX_BODY_BYTES = 1024 * 1024;

function rateLimitHeaders(verdict: Verdict, now: number): Record<string, string> {
  if (verdict.limit === 0) return {};
  return {
    'ratelimit-limit': String(verdict.limit),
    'ratelimit-remaining': String(verdict.remaining),
    'ratelimit-reset': String(Math.max(0, Math.ceil((verdict.reset - now) / 1000))),
  };
}

const TOO_MANY_FAILURES = 'Too many requests from this address were refused for a missing or invalid API key; retry after the time in Retry-After.';

async function authenticateWithinFailureLimit(request: Request, now: number) {
  const client = clientAddress(request);
  const room = await peekLimit('api-key-failures', client, now);
  if (!room.success) throw rateLimited(room, now, TOO_MANY_FAILURES);
  try {
    return await authenticateApiKey(db(), request.headers.get('authorization'), now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') {
      const verdict = await hitLimit('api-key-failures', client, now);
      if (!verdict.success) throw rateLimited(verdict, now, TOO_MANY_FAILURES);
    }
    throw error;
  }
}

/** Builds the verb context of an API request, or throws 401 / 403 / 429 (with the headers so far). */
async function apiContext(request: Request, scope: ApiScope, headers: Record<string, string>): Promise<HostContext> {
  const now = Date.now();
  const key = await authenticateWithinFailureLimit(request, now);
  const verdict = await hitLimit('api-key', key.id, now);
  Object.assign(headers, rateLimitHeaders(verdict, now));
  if (!verdict.success) throw rateLimited(verdict, now, 'This API key made too many requests; retry after the time in Retry-After.');
  if (scope === 'read-write' && key.scope !== 'read-write') {
    throw new AppError('forbidden', 'This API key may only read; use a read-write key to make changes.');
  }
  return hostContext({ database: db(), store: cacheStore() }, key.hostUserId, now);
}

/** route() for the host API: `scope` is what the handler needs ('read' for GETs, 'read-write' for changes). */
export function apiRoute<P = Record<string, never>>(scope: ApiScope, handler: (request: Request, params: P, ctx: HostContext) => Promise<Response>) {
  return route<P>(async (request, params) => {
    const headers: Record<string, string> = {};
    let response: Response;
    try {
      response = await handler(request, params, await apiContext(request, scope, headers));
    } catch (error) {
      response = errorResponse(error);
      if (error instanceof AppError && error.code === 'unauthorized') response.headers.set('www-authenticate', 'Bearer');
    }
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  });
}

/** A host API body: JSON of at most 1 MiB, validated by `schema` (400 with the fields at fault). */
export function parseApiBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return parseJsonBody(request, schema, API_MAX_BODY_BYTES);
}
