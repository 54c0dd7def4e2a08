import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { db } from '@/lib/database';
import { requireHost } from '@/lib/auth/current-host';
import { cacheStore } from '@/lib/cache';
import { AppError, type ErrorCode } from '@/lib/errors';
import { errorField, log } from '@/lib/log';
import { requestIdFrom, runWithRequestId } from '@/lib/request-id';
import { type HostContext, hostContext, type HostWriteDeps } from '@/lib/hosts/host-write';
import { type ActionResult, fieldErrorsOf } from './action-result';

// The one wrapper for dashboard server actions, like route() for handlers: session → zod → the lib
// call → one result shape. AppErrors become a code, a message a person can act on and, for
// validation, errors per field; anything else is logged and answered without internals.

/** The verb context (deps, the signed-in host as actor, the clock), plus the older spelling of it. */
export interface ActionContext extends HostContext {
  hostUserId: string;
  deps: HostWriteDeps;
}

/** Marks a server action as guarded; the authorization test looks for it on every exported action. */
export const GUARDED = Symbol.for('rendezvous.guarded-action');

/** The request id proxy.ts put on the request (none outside a request, as in tests). */
async function actionRequestId(): Promise<string> {
  try {
    return requestIdFrom(await headers());
  } catch {
    return crypto.randomUUID();
  }
}

export function hostAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, context: ActionContext) => Promise<T>) {
  const action = async (input: z.input<S> | FormData): Promise<ActionResult<T>> => runWithRequestId(await actionRequestId(), async () => {
    try {
      const hostUserId = await requireHost();
      const raw = input instanceof FormData ? Object.fromEntries(input) : input;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_request', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
      }
      const deps = { database: db(), store: cacheStore() };
      return { ok: true, data: await handler(parsed.data, { ...hostContext(deps, hostUserId), hostUserId, deps }) };
    } catch (error) {
      return failure(error);
    }
  });
  return Object.assign(action, { [GUARDED]: true });
}

export function failure(error: unknown): { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: Record<string, string> } } {
  if (error instanceof AppError) {
    const fieldErrors = (error.details as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
    return { ok: false, error: { code: error.code, message: error.message, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  // Next.js signals redirects and not-found by throwing; those must pass through.
  if (error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' && error.digest.startsWith('NEXT_')) throw error;
  log().error({ err: errorField(error, true) }, 'action failed');
  return { ok: false, error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } };
}
