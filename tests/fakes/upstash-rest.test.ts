import { createHash, randomUUID } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { defaultTestRedisUrl, redisForTests, startUpstashRestFake, type UpstashRestFake } from './upstash-rest';

const redisReachable = await redisForTests('upstash-rest fake');

// Tests share one redis, so every key is unique and carries this run's id; afterAll deletes
// only this run's keys, never anyone else's.
const runKeyPrefix = `test:upstash-rest:${randomUUID()}:`;
const uniqueKey = (name: string) => `${runKeyPrefix}${name}:${randomUUID()}`;

describe.skipIf(!redisReachable)('Upstash REST fake backed by a real redis-server', () => {
  let fake: UpstashRestFake;

  beforeAll(async () => {
    fake = await startUpstashRestFake({ redisUrl: defaultTestRedisUrl });
  });

  afterAll(async () => {
    if (fake) await deleteKeysOfThisRun(new Redis({ url: fake.url, token: fake.token, retry: false, enableTelemetry: false }));
    await fake?.close();
  });

  // The SDK auto-pipelines by default, so single calls reach POST /pipeline; without it, POST /.
  describe.each([
    { wire: 'one POST / per command', enableAutoPipelining: false },
    { wire: 'auto-pipelined POST /pipeline (the SDK default)', enableAutoPipelining: true },
  ])('used by the SDK sending $wire', ({ enableAutoPipelining }) => {
    const connect = (token = fake.token) => new Redis({ url: fake.url, token, retry: false, enableTelemetry: false, enableAutoPipelining });

    it('round-trips a JSON object through set and get', async () => {
      const redis = connect();
      const key = uniqueKey('json');
      const booking = { id: 'b1', title: 'Café ☕ sync', attendees: ['ana', 'bo'], minutes: 30 };

      expect(await redis.set(key, booking)).toBe('OK');
      expect(await redis.get<typeof booking>(key)).toEqual(booking);
    });

    it('sets a key with nx and px only when it does not exist yet', async () => {
      const redis = connect();
      const key = uniqueKey('nx');

      expect(await redis.set(key, 'first', { nx: true, px: 5000 })).toBe('OK');
      expect(await redis.set(key, 'second', { nx: true, px: 5000 })).toBeNull();
      expect(await redis.get(key)).toBe('first');
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    });

    it('increments a counter and returns the new value as a number', async () => {
      const redis = connect();
      const key = uniqueKey('counter');

      expect(await redis.incr(key)).toBe(1);
      expect(await redis.incr(key)).toBe(2);
    });

    it('runs a compare-and-delete Lua script that deletes only when the value matches', async () => {
      const redis = connect();
      const key = uniqueKey('lock');
      const compareAndDelete = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;
      await redis.set(key, 'owner-a');

      expect(await redis.eval(compareAndDelete, [key], ['owner-b'])).toBe(0);
      expect(await redis.eval(compareAndDelete, [key], ['owner-a'])).toBe(1);
      expect(await redis.exists(key)).toBe(0);
    });

    it("runs a script carrying Upstash's allow-key-locking flag and then finds it by the client's SHA", async () => {
      const redis = connect();
      const key = uniqueKey('flagged-script');
      const script = `#!lua flags=allow-key-locking\nreturn redis.call("INCR", KEYS[1]) -- ${key}`;

      expect(await redis.eval(script, [key], [])).toBe(1);
      expect(await redis.evalsha(createHash('sha1').update(script).digest('hex'), [key], [])).toBe(2);
    });

    it('answers a pipeline with one result per command in order', async () => {
      const redis = connect();
      const key = uniqueKey('pipeline');
      const results = await redis.pipeline().set(key, 'v').incr(`${key}:n`).get(key).mget(key, `${key}:missing`).exec();

      expect(results).toEqual(['OK', 1, 'v', ['v', null]]);
    });

    it('reports a failing pipeline command without failing the commands around it', async () => {
      const redis = connect();
      const key = uniqueKey('pipeline-error');
      const results = await redis.pipeline().set(key, 'not a number').incr(key).get(key).exec({ keepErrors: true });

      expect(results.map((entry) => entry.error)).toEqual([undefined, expect.stringMatching(/^ERR /), undefined]);
      expect(results[2]?.result).toBe('not a number');
    });

    it('executes a multi as one transaction', async () => {
      const redis = connect();
      const key = uniqueKey('multi');
      const results = await redis.multi().set(key, 10).incrby(key, 5).hset(`${key}:h`, { a: 1 }).hgetall(`${key}:h`).exec();

      expect(results).toEqual(['OK', 15, 1, { a: 1 }]);
    });

    it('rejects a single command that redis refuses with its error text', async () => {
      const redis = connect();
      const key = uniqueKey('wrongtype');
      await redis.set(key, 'text');

      await expect(redis.incr(key)).rejects.toThrow(/ERR value is not an integer/);
    });

    it('refuses a client holding the wrong token', async () => {
      await expect(connect('wrong-token').get(uniqueKey('auth'))).rejects.toThrow(/Unauthorized/);
    });

    it('fails every request while down and answers again once back up', async () => {
      const redis = connect();
      const key = uniqueKey('outage');
      fake.setDown(true);
      try {
        await expect(redis.set(key, 'v')).rejects.toThrow(/Service Unavailable/);
      } finally {
        fake.setDown(false);
      }

      expect(await redis.set(key, 'v')).toBe('OK');
    });

    it('lets @upstash/ratelimit allow three requests in a fixed window and deny the fourth', async () => {
      const ratelimit = new Ratelimit({ redis: connect(), limiter: Ratelimit.fixedWindow(3, '60 s'), prefix: uniqueKey('ratelimit') });

      const outcomes = [];
      for (let attempt = 0; attempt < 4; attempt++) outcomes.push((await ratelimit.limit('user-1')).success);

      expect(outcomes).toEqual([true, true, true, false]);
    });
  });

  it('counts every request, including the ones refused while down', async () => {
    const before = fake.requests;
    fake.setDown(true);
    const outage = await fetch(fake.url, { method: 'POST', body: '["PING"]' });
    fake.setDown(false);

    expect(outage.status).toBe(503);
    expect(fake.requests).toBe(before + 1);
  });

  it('namespaces keys under keyPrefix when one is given', async () => {
    const prefix = `${uniqueKey('prefix')}:`;
    const prefixedFake = await startUpstashRestFake({ redisUrl: defaultTestRedisUrl, keyPrefix: prefix });
    try {
      const prefixed = new Redis({ url: prefixedFake.url, token: prefixedFake.token, retry: false, enableTelemetry: false });
      const plain = new Redis({ url: fake.url, token: fake.token, retry: false, enableTelemetry: false });
      await prefixed.set('greeting', 'hi');

      expect(await prefixed.get('greeting')).toBe('hi');
      expect(await plain.get(`${prefix}greeting`)).toBe('hi');
    } finally {
      await prefixedFake.close();
    }
  });

  it('answers plain JSON without Upstash-Encoding and accepts a command spelled in the URL path', async () => {
    const key = encodeURIComponent(uniqueKey('path'));
    const post = (path: string) =>
      fetch(`${fake.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${fake.token}` } }).then((r) => r.json());

    expect(await post(`/set/${key}/hello`)).toEqual({ result: 'OK' });
    expect(await post(`/get/${key}`)).toEqual({ result: 'hello' });
  });
});

async function deleteKeysOfThisRun(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, { match: `${runKeyPrefix}*`, count: 1000 });
    if (keys.length > 0) await redis.del(...keys);
    cursor = String(next);
  } while (cursor !== '0');
}
