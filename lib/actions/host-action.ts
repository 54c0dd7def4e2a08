import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '@/lib/errors';
import { errorField, log } from '@/lib/log';
import { requestIdFrom, runWithRequestId } from '@/lib/request-id';
import type { HostContext } from '@/lib/hosts/host-write';
import { type ActionResult, fieldErrorsOf } from './action-result';
import { signedInHostContext } from './signed-in-context';

// The one wrapper for dashboard server actions, like route() for handlers: session → zod → the lib
// call → one result shape. AppErrors become a code, a message a person can act on and, for
// validation, errors per field; anything else is logged and answered without internals.

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

export function hostAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, ctx: HostContext) => Promise<T>) {
  const action = async (input: z.input<S> | FormData): Promise<ActionResult<T>> => runWithRequestId(await actionRequestId(), async () => {
    try {
      const ctx = await signedInHostContext();
      const raw = input instanceof FormData ? Object.fromEntries(input) : input;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_request', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
      }
      return { ok: true, data: await handler(parsed.data, ctx) };
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
