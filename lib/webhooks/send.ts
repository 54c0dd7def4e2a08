import 'server-only';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type FeedPolicy, FeedRefusedError, guardedLookup } from '@/lib/calendars/ics/fetch-feed';
import { checkWebhookUrl, WebhookTargetRefused, webhookPolicy } from './target';

// One bounded POST to a receiver: the address guard in the connection's own DNS lookup, 10 seconds
// for everything (connect, send, the answer), redirects never followed, and only the first 1 KB of
// the answer read. It never throws: every way a receiver can misbehave is an outcome to log.

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface SendOutcome {
  statusCode: number | null;
  /** Why it did not count as delivered when there is no 2xx: refused, timed out, redirected, reset. */
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

async function readExcerpt(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= RESPONSE_EXCERPT_BYTES) break;
  }
  response.destroy();
  // Cut at a byte count, then drop a character split by the cut.
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8').replace(/\uFFFD$/, '');
}

function post(url: URL, headers: Record<string, string>, body: string, policy: FeedPolicy): Promise<{ statusCode: number; excerpt: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Rendezvous-Webhooks/1' },
      lookup: guardedLookup(policy),
    });
    const timer = setTimeout(() => request.destroy(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)), WEBHOOK_TIMEOUT_MS);
    request.on('response', (response) => {
      readExcerpt(response).then(
        (excerpt) => resolve({ statusCode: response.statusCode ?? 0, excerpt }),
        (error: unknown) => reject(error),
      );
    });
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (error instanceof FeedRefusedError || error instanceof WebhookTargetRefused) return `Refused: ${error.message}`;
  const code = (error as { code?: string }).code;
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'The receiver closed the connection before answering.';
  if (code === 'ECONNREFUSED') return 'The receiver refused the connection.';
  if (code === 'ENOTFOUND') return 'The host name could not be found.';
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, policy: FeedPolicy = webhookPolicy()): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { statusCode, excerpt } = await post(checkWebhookUrl(rawUrl, policy), headers, body, policy);
    const redirected = statusCode >= 300 && statusCode < 400 ? `Redirected (${statusCode}); redirects are not followed.` : null;
    return { statusCode, error: redirected, durationMs: elapsed(), responseExcerpt: excerpt };
  } catch (error) {
    return { statusCode: null, error: describe(error), durationMs: elapsed(), responseExcerpt: null };
  }
}
