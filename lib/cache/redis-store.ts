import { Redis } from '@upstash/redis';
import type { CacheStore } from './store';

// Compare-and-delete: release only the lock this caller took.
const releaseScript = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

// INCRBY with an expiry set by the first addition; a read (delta 0) of a missing key leaves none behind.
const addToWindowScript = `local n = redis.call("incrby", KEYS[1], ARGV[1])
if n == 0 and tonumber(ARGV[1]) == 0 then redis.call("del", KEYS[1]) return {0, 0} end
local ttl = redis.call("pttl", KEYS[1])
if ttl < 0 then redis.call("pexpire", KEYS[1], ARGV[2]) ttl = tonumber(ARGV[2]) end
return {n, ttl}`;

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
    async addToWindow(key, delta, ttlMs) {
      const [count, ttl] = await redis.eval<string[], [number, number]>(addToWindowScript, [key], [String(delta), String(ttlMs)]);
      return { count: Number(count), resetAt: Date.now() + Number(ttl) };
    },
    async acquireLock(key, token, ttlMs) {
      return (await redis.set(key, token, { nx: true, px: ttlMs })) === 'OK';
    },
    async releaseLock(key, token) {
      await redis.eval(releaseScript, [key], [token]);
    },
  };
}
