import { describe, expect, it } from 'vitest';
import { withHostLock } from './host-lock';
import { createMemoryStore } from './memory-store';
import type { CacheStore } from './store';

describe('withHostLock', () => {
  it('runs callers for one host one at a time', async () => {
    const store = createMemoryStore();
    let inside = 0;
    let maxInside = 0;
    const work = async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside--;
    };
    await Promise.all(Array.from({ length: 10 }, () => withHostLock(store, 'host', work)));
    expect(maxInside).toBe(1);
  });

  it('goes on without the lock once the wait is over (the database still guards correctness)', async () => {
    const store = createMemoryStore();
    await store.acquireLock('rdv:lock:host:host', 'someone-else', 10_000);
    const started = Date.now();
    expect(await withHostLock(store, 'host', async () => 'done', { waitMs: 50 })).toBe('done');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('goes on without the lock when the store fails, and still releases nothing it does not hold', async () => {
    const failing = { ...createMemoryStore(), acquireLock: () => Promise.reject(new Error('down')) } satisfies CacheStore;
    expect(await withHostLock(failing, 'host', async () => 42)).toBe(42);
  });

  it('releases the lock when the work throws', async () => {
    const store = createMemoryStore();
    await expect(withHostLock(store, 'host', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.acquireLock('rdv:lock:host:host', 'next', 1_000)).toBe(true);
  });
});
