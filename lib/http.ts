import type { z } from 'zod';
import { env } from './env';
import { AppError } from './errors';
import { errorField, log } from './log';
import { observeRequest } from './metrics/http-requests';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from './request-id';
import { apiHeaders } from './security-headers';

// Route handlers stay ~20 lines: parse with these, call lib, reply with json(); errors become one shape here.

export const MAX_BODY_BYTES = 64 * 1024;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/**
 * A reply whose JSON the caller already serialised and encoded. Handed over as a one-chunk stream:
 * a byte-array body would be copied by the Response for every request, and these bodies are
 * cached and large (tens of KiB of slots). Nothing writes to or transfers the chunk.
 */
export function jsonBytes(body: Uint8Array, status = 200, headers: Record<string, string> = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return new Response(stream, {
    status,
    headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength), 'cache-control': 'no-store', ...headers },
  });
}

/** True when the request's If-None-Match lists this entity tag (weak or strong, or `*`). */
export function etagMatches(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** 304: the client's copy is current; the validators and caching headers still go along. */
export function notModified(headers: Record<string, string>): Response {
  return new Response(null, { status: 304, headers });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
    const body = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return json({ error: body }, error.status, headers);
  }
  // Unknown errors: full context to the log, nothing internal to the client.
  log().error({ err: errorField(error, true) }, 'unhandled error');
  return json({ error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } }, 500);
}

type Handler<P> = (request: Request, params: P) => Promise<Response>;

/** The API's security headers (lib/security-headers.ts decides them) on a reply. */
export function withApiHeaders(response: Response): Response {
  const headers = apiHeaders(env().NODE_ENV).response;
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // Some replies (Response.redirect) have immutable headers: copy them onto a new one.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/** Runs a handler under the request's id (on its log lines and on the reply's X-Request-Id). */
export async function withRequestId(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const response = await runWithRequestId(requestId, handle);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * Wraps a route handler: every failure leaves as `{ error: { code, message, details? } }`, every
 * reply carries the API's security headers and the request id, and its duration is recorded by route.
 */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    withRequestId(request, async () => {
      const startedAt = performance.now();
      const params = await context.params;
      let response: Response;
      try {
        response = withApiHeaders(await handler(request, params));
      } catch (error) {
        response = withApiHeaders(errorResponse(error));
      }
      observeRequest(request, params as Record<string, unknown> | undefined, response.status, startedAt);
      return response;
    });
}

function zodDetails(error: z.ZodError) {
  return { issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_request', `Invalid ${what}`, { details: zodDetails(parsed.error) });
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseWith(schema, params, 'query parameters');
}

/** An optional request header, validated; undefined when absent. */
export function parseOptionalHeader<S extends z.ZodType>(request: Request, name: string, schema: S): z.infer<S> | undefined {
  const value = request.headers.get(name);
  return value === null ? undefined : parseWith(schema, value, `${name} header`);
}

/** Reads at most `maxBytes` (MAX_BODY_BYTES) of JSON, whatever Content-Length claims, then validates it. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.infer<S>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the request body as application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readCapped(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', 'The request body is not valid JSON');
  }
  return parseWith(schema, body, 'request body');
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body must be at most ${maxBytes / 1024} KiB`);
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
