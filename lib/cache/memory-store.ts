import { LRUCache } from 'lru-cache';
import type { CacheStore } from './store';

/** The zero-config store: one process, bounded memory. */
export function createMemoryStore(maxEntries = 10_000): CacheStore {
  const values = new LRUCache<string, { json: string }>({ max: maxEntries, ttlAutopurge: false });
  const counters = new Map<string, number>();
  const locks = new Map<string, { token: string; expiresAt: number }>();

  return {
    kind: 'memory',
    async getJson<T>(key: string) {
      const hit = values.get(key);
      // Stored serialised so callers can never mutate a cached value in place.
      return hit ? (JSON.parse(hit.json) as T) : null;
    },
    async setJson(key, value, ttlSeconds) {
      values.set(key, { json: JSON.stringify(value) }, { ttl: ttlSeconds * 1000 });
    },
    async getCounters(keys) {
      return keys.map((key) => counters.get(key) ?? 0);
    },
    async increment(key) {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async acquireLock(key, token, ttlMs) {
      const now = Date.now();
      const held = locks.get(key);
      if (held && held.expiresAt > now) return false;
      locks.set(key, { token, expiresAt: now + ttlMs });
      return true;
    },
    async releaseLock(key, token) {
      if (locks.get(key)?.token === token) locks.delete(key);
    },
  };
}
