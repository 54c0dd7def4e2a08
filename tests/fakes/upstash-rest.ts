import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import Redis, { ReplyError } from 'ioredis';
import { z } from 'zod';
import { createCommandTranslator } from './upstash-commands';

// A local stand-in for the Upstash Redis REST API that forwards every command to a real
// redis-server, so tests exercise the real @upstash/redis and @upstash/ratelimit SDKs by base URL.
// One shared redis connection: blocking commands (BLPOP…), SUBSCRIBE and WATCH are not supported.

export interface UpstashRestFake {
  url: string;
  token: string;
  /** HTTP requests received, including the ones refused with 401 or 503. */
  requests: number;
  close(): Promise<void>;
  /** make every request fail with 503 (simulate an outage) or answer again */
  setDown(down: boolean): void;
}

export interface UpstashRestFakeOptions {
  redisUrl: string;
  token?: string;
  /**
   * Prepended to every argument Redis's command table marks as a key (ioredis `keyPrefix`,
   * which also understands EVAL/EVALSHA numkeys). Replies are not un-prefixed, so KEYS/SCAN
   * results show it; prefer unique key names per test and leave this unset unless needed.
   */
  keyPrefix?: string;
}

export const defaultTestRedisUrl: string = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// The SDK JSON-serialises anything that is not a string, number or boolean before sending it.
const argumentSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const commandSchema = z.tuple([z.string().min(1)], argumentSchema);
const commandListSchema = z.array(commandSchema).min(1);
type RedisCommand = z.infer<typeof commandSchema>;
// (command names and Upstash-only script flags: see upstash-commands.ts)
type Outcome = { result: unknown } | { error: string };
interface Forwarder {
  redis: Redis;
  toRedisCommand: (command: RedisCommand) => RedisCommand;
}

export async function startUpstashRestFake(options: UpstashRestFakeOptions): Promise<UpstashRestFake> {
  const token = options.token ?? randomUUID();
  const forwarder = { redis: await connectToRedis(options.redisUrl, options.keyPrefix), toRedisCommand: createCommandTranslator() };
  let requests = 0;
  let down = false;

  const server = createServer((request, response) => {
    requests += 1;
    if (down) return sendJson(response, 503, { error: 'Service Unavailable (simulated outage)' });
    if (request.headers.authorization !== `Bearer ${token}`) return sendJson(response, 401, { error: 'Unauthorized' });
    answerRequest(forwarder, request, response).catch((error: unknown) => {
      // Not a Redis reply error: the connection to redis-server itself failed.
      sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    get requests() {
      return requests;
    },
    setDown(isDown) {
      down = isDown;
    },
    async close() {
      // fetch keeps connections alive, which would hold server.close() open forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      forwarder.redis.disconnect();
    },
  };
}

/**
 * Whether the Redis-backed tests can run. Off CI a missing redis-server is announced and those tests
 * skip; with CI=true (where .ci/run starts one) it fails the run instead of skipping silently.
 */
export async function redisForTests(suite: string): Promise<boolean> {
  if (await isRedisReachable(defaultTestRedisUrl)) return true;
  const message = `[${suite}] no redis-server answered at ${defaultTestRedisUrl}`;
  if (process.env.CI) throw new Error(`${message}: CI=true, so the Redis-backed tests must run (.ci/run starts one).`);
  console.warn(`${message}: the Redis-backed tests did NOT run. Start one (apt-get install redis-server) or set TEST_REDIS_URL.`);
  return false;
}

export async function isRedisReachable(redisUrl: string, timeoutMs = 1000): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => {}); // a refused connection is the answer here, not noise
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function connectToRedis(redisUrl: string, keyPrefix: string | undefined): Promise<Redis> {
  // No offline queue and few retries: with redis gone, a request fails fast instead of hanging.
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, keyPrefix });
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', resolve);
      redis.once('error', reject);
    });
  } catch (error) {
    redis.disconnect();
    throw new Error(`Upstash REST fake could not reach redis at ${redisUrl}`, { cause: error });
  }
  redis.on('error', () => {}); // later outages surface as 500 replies, not as unhandled events
  return redis;
}

async function answerRequest(forwarder: Forwarder, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://fake').pathname;
  const base64 = request.headers['upstash-encoding'] === 'base64';
  const body = await readJsonBody(request);

  if (path === '/pipeline' || path === '/multi-exec') {
    const commands = commandListSchema.safeParse(body);
    if (!commands.success) return sendJson(response, 400, { error: 'ERR expected a JSON array of commands' });
    const outcomes = path === '/pipeline' ? await runPipeline(forwarder, commands.data) : await runTransaction(forwarder, commands.data);
    if ('error' in outcomes) return sendJson(response, 400, outcomes);
    return sendJson(response, 200, outcomes.map((outcome) => encodeOutcome(outcome, base64)));
  }

  // `POST /` carries the command as a JSON array; `/set/k/v` spells it in the path instead.
  const command = commandSchema.safeParse(path === '/' ? body : path.split('/').filter(Boolean).map(decodeURIComponent));
  if (!command.success) return sendJson(response, 400, { error: 'ERR expected a JSON array command' });
  const outcome = await runCommand(forwarder, command.data);
  sendJson(response, 'error' in outcome ? 400 : 200, encodeOutcome(outcome, base64));
}

async function runCommand({ redis, toRedisCommand }: Forwarder, command: RedisCommand): Promise<Outcome> {
  return redis.callBuffer(...toRedisCommand(command)).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: replyErrorMessage(error) }),
  );
}

async function runPipeline({ redis, toRedisCommand }: Forwarder, commands: RedisCommand[]): Promise<Outcome[]> {
  const pipeline = redis.pipeline();
  for (const command of commands) pipeline.callBuffer(...toRedisCommand(command));
  return toOutcomes(await pipeline.exec());
}

async function runTransaction({ redis, toRedisCommand }: Forwarder, commands: RedisCommand[]): Promise<Outcome[] | { error: string }> {
  const transaction = redis.multi();
  for (const command of commands) transaction.callBuffer(...toRedisCommand(command));
  try {
    return toOutcomes(await transaction.exec());
  } catch (error) {
    // EXECABORT: a command was rejected while queueing, so nothing ran.
    return { error: replyErrorMessage(error) };
  }
}

function toOutcomes(results: [Error | null, unknown][] | null): Outcome[] {
  if (!results) throw new Error('transaction was aborted');
  return results.map(([error, result]) => (error ? { error: replyErrorMessage(error) } : { result }));
}

/** Redis's own error text for reply errors; anything else is a connection failure and rethrown. */
function replyErrorMessage(error: unknown): string {
  // ioredis types ReplyError as `any`; the Error check is for the compiler.
  if (error instanceof ReplyError && error instanceof Error) return error.message;
  throw error;
}

function encodeOutcome(outcome: Outcome, base64: boolean): Outcome {
  return 'error' in outcome ? outcome : { result: encodeReply(outcome.result, base64) };
}

// With `Upstash-Encoding: base64` the SDK base64-decodes every string, however deeply nested in
// arrays; integers and nil pass through as JSON numbers and null.
function encodeReply(reply: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(reply)) return reply.toString(base64 ? 'base64' : 'utf8');
  if (typeof reply === 'string') return base64 ? Buffer.from(reply).toString('base64') : reply;
  if (Array.isArray(reply)) return reply.map((element) => encodeReply(element, base64));
  return reply ?? null;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // the schema check turns this into a 400
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
