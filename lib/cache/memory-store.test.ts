import { describe, expect, it } from 'vitest';
import { heapGrowth } from '@/tests/setup/heap';
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

  it('keeps windowed counters that add, give back, read without creating, and start over when the window ends', async () => {
    const store = createMemoryStore();
    expect(await store.addToWindow('w', 0, 50)).toMatchObject({ count: 0 });
    expect(store.bytes()).toBe(0);
    await store.addToWindow('w', 1, 50);
    expect(await store.addToWindow('w', 1, 50)).toMatchObject({ count: 2 });
    expect(await store.addToWindow('w', -1, 50)).toMatchObject({ count: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.addToWindow('w', 0, 50)).toMatchObject({ count: 0 });
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

describe('in-process cache store budget', () => {
  it('never holds more bytes than its budget, evicting the least recently used values', async () => {
    const store = createMemoryStore(50_000);
    for (let i = 0; i < 500; i++) await store.setJson(`key-${i}`, { filler: 'x'.repeat(1_000), i }, 60);
    expect(store.bytes()).toBeLessThanOrEqual(50_000);
    expect(await store.getJson('key-0')).toBeNull();
    expect(await store.getJson<{ i: number }>('key-499')).toMatchObject({ i: 499 });
  });

  it('skips a value larger than the whole budget instead of failing', async () => {
    const store = createMemoryStore(1_000);
    await store.setJson('huge', 'y'.repeat(10_000), 60);
    expect(await store.getJson('huge')).toBeNull();
  });
});

describe('in-process cache store: byte estimates', () => {
  it('weighs many small entries at no less than the heap they take (so the budget bounds the process)', async () => {
    const store = createMemoryStore(1024 ** 3);
    const count = 20_000;
    const grown = await heapGrowth(async () => {
      for (let i = 0; i < count; i++) await store.setJson(`rdv:slots:v1:${i.toString(36)}:2026-12-01:2026-12-31:Europe/Berlin`, { count: i, resetAt: 1_800_000_000_000 + i }, 600);
    });
    expect(store.bytes()).toBeGreaterThan(0);
    expect(grown / store.bytes()).toBeLessThan(1.15);
    expect(grown / store.bytes()).toBeGreaterThan(0.5); // and not so high that the budget is mostly unused
  });
});
