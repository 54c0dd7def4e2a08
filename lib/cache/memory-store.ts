import { LRUCache } from 'lru-cache';
import { LRU_ENTRY_BYTES, OBJECT_BYTES, stringBytes } from './entry-bytes';
import type { CacheStore } from './store';

/**
 * The zero-config store: one process, bounded by bytes. Values are kept serialised (callers can never
 * mutate a cached value in place) and weighed by their JSON and what an entry costs beyond it
 * (lib/cache/entry-bytes.ts). Counters (host versions) are never
 * evicted: a version that fell back to 0 could make old entries current again. They are one small
 * number per host that has changed since the process started.
 */
export function createMemoryStore(maxBytes = 64 * 1024 * 1024): CacheStore & { bytes(): number } {
  const values = new LRUCache<string, { json: string }>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => LRU_ENTRY_BYTES + OBJECT_BYTES + stringBytes(key) + stringBytes(value.json),
    ttlAutopurge: false,
  });
  const counters = new Map<string, number>();
  const locks = new Map<string, { token: string; expiresAt: number }>();

  return {
    kind: 'memory',
    bytes: () => values.calculatedSize,
    async getJson<T>(key: string) {
      const hit = values.get(key);
      return hit ? (JSON.parse(hit.json) as T) : null;
    },
    async setJson(key, value, ttlSeconds) {
      const json = JSON.stringify(value);
      // A value larger than the whole budget is not cached at all (lru-cache would refuse it anyway).
      if (2 * json.length < maxBytes) values.set(key, { json }, { ttl: ttlSeconds * 1000 });
    },
    async getCounters(keys) {
      return keys.map((key) => counters.get(key) ?? 0);
    },
    async increment(key) {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async addToWindow(key, delta, ttlMs) {
      const now = Date.now();
      const hit = values.get(key);
      const window = hit ? (JSON.parse(hit.json) as { count: number; resetAt: number }) : { count: 0, resetAt: now + ttlMs };
      window.count += delta;
      if (hit || delta !== 0) values.set(key, { json: JSON.stringify(window) }, { ttl: Math.max(1, window.resetAt - now) });
      return window;
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
