import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Inngest's event API (`POST {INNGEST_BASE_URL}/e/{event key}` with a JSON array of
// events, answered `{ ids, status: 200 }`), enough to see what dispatch sends in `inngest` mode.

export interface ReceivedEvent {
  eventKey: string;
  id?: string;
  name: string;
  data: Record<string, unknown>;
  ts?: number;
}

export interface InngestEventsFake {
  url: string;
  received: ReceivedEvent[];
  close(): Promise<void>;
}

export async function startInngestEventsFake(): Promise<InngestEventsFake> {
  const received: ReceivedEvent[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = /^\/e\/([^/?]+)/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found', status: 404 }));
      return;
    }
    const events = [JSON.parse(Buffer.concat(chunks).toString('utf8'))].flat() as Omit<ReceivedEvent, 'eventKey'>[];
    received.push(...events.map((event) => ({ ...event, eventKey: decodeURIComponent(match[1]!) })));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ids: events.map((e) => e.id ?? ''), status: 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
