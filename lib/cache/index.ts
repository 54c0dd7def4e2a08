import { env } from '@/lib/env';
import { createMemoryStore } from './memory-store';
import type { Redis } from '@upstash/redis';
import { createRedisClient, createRedisStore } from './redis-store';
import type { CacheStore } from './store';
import { log } from '@/lib/log';

export type { CacheStore } from './store';

const holder = globalThis as unknown as { __rendezvousCache?: CacheStore; __rendezvousRedis?: Redis | null };

/** The Upstash client when configured (rate limits use it directly), else null. */
export function redisClient(): Redis | null {
  if (holder.__rendezvousRedis === undefined) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    holder.__rendezvousRedis = url && token ? createRedisClient(url, token) : null;
  }
  return holder.__rendezvousRedis;
}

/** Upstash Redis when configured, else the in-process store. One per process. */
export function cacheStore(): CacheStore {
  if (!holder.__rendezvousCache) {
    const redis = redisClient();
    holder.__rendezvousCache = redis ? createRedisStore(redis) : createMemoryStore(env().CACHE_MEMORY_MAX_BYTES);
  }
  return holder.__rendezvousCache;
}

/**
 * Sets this process's store before anything asks for one: the jobs worker installs the server's
 * memory store, reached over IPC (remote-store.ts), when no Redis is configured.
 */
export function installCacheStore(store: CacheStore): void {
  holder.__rendezvousCache = store;
}

/** Tests switch between memory, Redis through the fake, and a Redis that is down: forget the clients. */
export function resetCacheForTests(): void {
  holder.__rendezvousCache = undefined;
  holder.__rendezvousRedis = undefined;
}

let lastWarning = 0;

/** Runs a cache operation; on failure logs (at most every 30 s) and returns the fallback. */
export async function bestEffort<T>(what: string, operation: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const now = Date.now();
    if (now - lastWarning > 30_000) {
      lastWarning = now;
      log().warn({ operation: what, error: (error as Error).message }, `cache unavailable (${what}); continuing without it`);
    }
    return fallback;
  }
}
