import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The plumbing the provider fakes share: a loopback HTTP server, bodies as text, JSON replies.

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: FakeRequest) => Promise<FakeReply> | FakeReply;

export async function startFakeServer(handler: FakeHandler): Promise<{ origin: string; close(): Promise<void>; log: FakeRequest[] }> {
  const log: FakeRequest[] = [];
  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', 'http://fake'), headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
      log.push(request);
      Promise.resolve()
        .then(() => handler(request))
        .catch((error: unknown): FakeReply => ({ status: 500, body: { error: String(error) } }))
        .then((reply) => {
          const isText = typeof reply.body === 'string';
          const headers = { ...(reply.body === undefined ? {} : { 'content-type': isText ? 'text/plain' : 'application/json; charset=UTF-8' }), ...reply.headers };
          outgoing.writeHead(reply.status, headers);
          outgoing.end(reply.body === undefined ? undefined : isText ? (reply.body as string) : JSON.stringify(reply.body));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Where a fake delivers a push notification: the app's public https address stands for the
 * internet's route to it, which in tests is a local server (`deliverTo`); the path and query stay.
 */
export function deliveryUrl(address: string, deliverTo: string | undefined): string {
  if (!deliverTo) return address;
  const url = new URL(address);
  return new URL(`${url.pathname}${url.search}`, deliverTo).toString();
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({ status, body, headers });
export const form = (request: FakeRequest) => new URLSearchParams(request.body);
export const bearer = (request: FakeRequest) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

/** Client credentials from HTTP Basic auth or the form body (both are allowed by RFC 6749). */
export function clientCredentials(request: FakeRequest): { id: string | null; secret: string | null } {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  const body = form(request);
  return { id: body.get('client_id'), secret: body.get('client_secret') };
}
