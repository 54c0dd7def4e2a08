import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

// A local stand-in for Resend's `POST /emails` (https://resend.com/docs/api-reference/emails/send-email):
// Bearer auth, the JSON body the official SDK sends (snake_case, base64 attachments), `Idempotency-Key`
// (the same key returns the first reply without sending again), `{ id }` on success and
// `{ statusCode, name, message }` on failure. Tests script failures with `failNext`.

const attachmentSchema = z.object({ filename: z.string(), content: z.string(), content_type: z.string().optional() });
const sendSchema = z.object({
  from: z.string().min(3),
  to: z.union([z.string(), z.array(z.string()).min(1).max(50)]),
  subject: z.string().min(1),
  html: z.string().optional(),
  text: z.string().optional(),
  reply_to: z.union([z.string(), z.array(z.string())]).optional(),
  attachments: z.array(attachmentSchema).optional(),
});

export interface FakeEmail {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  html: string;
  text: string;
  /** Decoded from base64. */
  attachments: { filename: string; contentType: string | undefined; content: string }[];
}

export interface ResendFake {
  url: string;
  apiKey: string;
  /** Emails accepted (each idempotency key once). */
  sent: FakeEmail[];
  /** Every request: its Idempotency-Key and the status it got. */
  requests: { idempotencyKey: string | null; status: number }[];
  /** Answer the next requests with these statuses (e.g. [500]) before accepting again. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

const errorNames: Record<number, string> = { 401: 'missing_api_key', 422: 'validation_error', 429: 'rate_limit_exceeded', 500: 'application_error' };

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startResendFake(): Promise<ResendFake> {
  const apiKey = `re_test_${randomUUID().replaceAll('-', '')}`;
  const sent: FakeEmail[] = [];
  const requests: ResendFake['requests'] = [];
  const scripted: number[] = [];
  const byKey = new Map<string, FakeEmail>();

  const server = createServer(async (request, response) => {
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    const answer = (status: number, body: unknown) => {
      requests.push({ idempotencyKey, status });
      reply(response, status, body);
    };
    const body = await readBody(request);
    if (request.method !== 'POST' || request.url !== '/emails') return answer(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
    if (request.headers.authorization !== `Bearer ${apiKey}`) return answer(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header' });
    const status = scripted.shift();
    if (status !== undefined) return answer(status, { statusCode: status, name: errorNames[status] ?? 'application_error', message: `scripted ${status}` });
    if (idempotencyKey && byKey.has(idempotencyKey)) return answer(200, { id: byKey.get(idempotencyKey)!.id });
    let parsed: z.infer<typeof sendSchema>;
    try {
      parsed = sendSchema.parse(JSON.parse(body));
    } catch (error) {
      return answer(422, { statusCode: 422, name: 'validation_error', message: String(error) });
    }
    const email: FakeEmail = {
      id: randomUUID(),
      idempotencyKey,
      from: parsed.from,
      to: [parsed.to].flat(),
      replyTo: parsed.reply_to === undefined ? [] : [parsed.reply_to].flat(),
      subject: parsed.subject,
      html: parsed.html ?? '',
      text: parsed.text ?? '',
      attachments: (parsed.attachments ?? []).map((file) => ({ filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content, 'base64').toString('utf8') })),
    };
    sent.push(email);
    if (idempotencyKey) byKey.set(idempotencyKey, email);
    answer(200, { id: email.id });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    sent,
    requests,
    failNext: (...statuses) => scripted.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
