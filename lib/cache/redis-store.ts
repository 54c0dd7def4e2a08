import { Redis } from '@upstash/redis';
import type { CacheStore } from './store';

// Compare-and-delete: release only the lock this caller took.
const releaseScript = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export function createRedisClient(url: string, token: string): Redis {
  // No retries: a slow or absent Redis must not slow requests down; callers fall back instead.
  return new Redis({
    url,
    token,
    retry: false,
    automaticDeserialization: false,
    enableTelemetry: false,
    // Fresh per request: a hung Redis costs at most this long before callers fall back.
    signal: () => AbortSignal.timeout(1_000),
  });
}

export function createRedisStore(redis: Redis): CacheStore {
  return {
    kind: 'redis',
    async getJson<T>(key: string) {
      const raw = await redis.get<string>(key);
      return raw === null ? null : (JSON.parse(raw) as T);
    },
    async setJson(key, value, ttlSeconds) {
      await redis.set(key, JSON.stringify(value), { ex: ttlSeconds });
    },
    async getCounters(keys) {
      if (keys.length === 0) return [];
      const raw = await redis.mget<(string | null)[]>(...keys);
      return raw.map((value) => (value === null ? 0 : Number(value)));
    },
    async increment(key) {
      return redis.incr(key);
    },
    async acquireLock(key, token, ttlMs) {
      return (await redis.set(key, token, { nx: true, px: ttlMs })) === 'OK';
    },
    async releaseLock(key, token) {
      await redis.eval(releaseScript, [key], [token]);
    },
  };
}
