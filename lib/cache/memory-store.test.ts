import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store';

describe('in-process cache store', () => {
  it('returns a copy of a cached value, so callers cannot change the cache by mutating it', async () => {
    const store = createMemoryStore();
    await store.setJson('k', { slots: [1, 2] }, 60);
    const first = await store.getJson<{ slots: number[] }>('k');
    first?.slots.push(3);
    expect(await store.getJson('k')).toEqual({ slots: [1, 2] });
  });

  it('counts from zero and reads several counters at once', async () => {
    const store = createMemoryStore();
    expect(await store.getCounters(['a', 'b'])).toEqual([0, 0]);
    await store.increment('a');
    expect(await store.increment('a')).toBe(2);
    expect(await store.getCounters(['a', 'b'])).toEqual([2, 0]);
  });

  it('gives a lock to one holder until it is released by that holder or expires', async () => {
    const store = createMemoryStore();
    expect(await store.acquireLock('l', 'first', 50)).toBe(true);
    expect(await store.acquireLock('l', 'second', 50)).toBe(false);
    await store.releaseLock('l', 'second'); // not the holder: no effect
    expect(await store.acquireLock('l', 'second', 50)).toBe(false);
    await store.releaseLock('l', 'first');
    expect(await store.acquireLock('l', 'second', 20)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await store.acquireLock('l', 'third', 20)).toBe(true);
  });
});
