import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

// Serves one route handler over real HTTP on loopback, so a fake provider can call the app (Graph's
// validation handshake, push deliveries) without a Next.js build.

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export async function serveRoute(handler: Handler): Promise<{ origin: string; received: Request[] }> {
  const received: Request[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const body = Buffer.concat(chunks);
      const request = new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers: Object.entries(incoming.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
        ...(body.length > 0 ? { body } : {}),
      });
      received.push(request.clone());
      const response = await handler(request, { params: Promise.resolve({}) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}
