import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

// A local webhook receiver, as a customer would write one: it verifies every request with the
// `standardwebhooks` package and the endpoint's secret, and answers as scripted per path (the next
// scripted answer, else 200). Requests are recorded whether or not they verify.

export type ScriptedAnswer = number | 'redirect' | 'close' | 'hang' | 'slow';

export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: string;
  verified: boolean;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  answered: ScriptedAnswer;
}

export interface WebhookReceiver {
  origin: string;
  received: ReceivedWebhook[];
  /** The secret to verify this path's requests with (set it after creating or rotating the endpoint). */
  trust(path: string, secret: string): void;
  script(path: string, ...answers: ScriptedAnswer[]): void;
  /** Waits until `count` requests reached the path. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** How long a 'slow' answer (200) takes: long enough to act while an attempt is in flight. */
export const SLOW_ANSWER_MS = 1_500;

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secrets = new Map<string, string>();
  const scripts = new Map<string, ScriptedAnswer[]>();
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const path = request.url ?? '/';
      const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
      let verified = false;
      try {
        new Webhook(secrets.get(path) ?? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(raw, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const answer = scripts.get(path)?.shift() ?? 200;
      received.push({ path, id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], verified, body: JSON.parse(raw) as ReceivedWebhook['body'], answered: answer });
      if (answer === 'close') return request.socket.destroy();
      if (answer === 'hang') return; // never answers: the sender's timeout must end it
      if (answer === 'slow') return void setTimeout(() => response.writeHead(200).end('ok'), SLOW_ANSWER_MS);
      if (answer === 'redirect') return response.writeHead(302, { location: 'http://10.0.0.1/elsewhere' }).end();
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 400 ? `error ${answer} ${'x'.repeat(2_000)}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    trust: (path, secret) => void secrets.set(path, secret),
    script: (path, ...answers) => void scripts.set(path, answers),
    async waitFor(path, count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = received.filter((entry) => entry.path === path);
        if (mine.length >= count) return mine;
        if (Date.now() > deadline) throw new Error(`waited for ${count} webhooks at ${path}, got ${mine.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
