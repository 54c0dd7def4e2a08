// What the app asks of a cache. Two implementations: Upstash Redis (shared by every instance) and an
// in-process one (a single instance). Correctness never depends on either: every caller treats a
// failure as a miss, a lock it did not get, or a version it could not bump.

export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  getJson<T>(key: string): Promise<T | null>;
  setJson(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Reads several counters at once; a missing one is 0. */
  getCounters(keys: string[]): Promise<number[]>;
  increment(key: string): Promise<number>;
  /**
   * Adds `delta` (may be negative, or 0 to read) to a counter that expires `ttlMs` after its first
   * addition: an atomic fixed window. Returns the count and when the window ends (epoch ms).
   */
  addToWindow(key: string, delta: number, ttlMs: number): Promise<{ count: number; resetAt: number }>;
  /** SET key token NX PX ttl: true when this caller now holds it. */
  acquireLock(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Deletes the lock only if this caller still holds it (never someone else's after expiry). */
  releaseLock(key: string, token: string): Promise<void>;
}
