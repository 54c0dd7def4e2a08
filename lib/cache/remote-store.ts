import { z } from 'zod';
import type { CacheStore } from './store';

// A cache store owned by another process, reached over a message channel. The jobs worker
// (lib/jobs/handoff.ts) uses the server's when that is the in-process memory store: a calendar sync
// or an expired request in the worker must bump the host's availability version where the server's
// slot cache reads it, and a host lock must be one lock. A call that gets no answer fails like a
// Redis that is down (every caller treats that as a miss, no lock, or no bump).

const key = z.string().min(1).max(1_024);
const ms = z.number().min(0).max(366 * 86_400_000);

/** One call, checked where it arrives: the method and its arguments. */
export const cacheCallSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('getJson'), args: z.tuple([key]) }),
  z.object({ method: z.literal('setJson'), args: z.tuple([key, z.unknown(), z.number().positive().max(86_400 * 31)]) }),
  z.object({ method: z.literal('getCounters'), args: z.tuple([z.array(key).max(1_000)]) }),
  z.object({ method: z.literal('increment'), args: z.tuple([key]) }),
  z.object({ method: z.literal('addToWindow'), args: z.tuple([key, z.number(), ms]) }),
  z.object({ method: z.literal('acquireLock'), args: z.tuple([key, z.string().min(1).max(200), ms]) }),
  z.object({ method: z.literal('releaseLock'), args: z.tuple([key, z.string().min(1).max(200)]) }),
]);
export type CacheCall = z.infer<typeof cacheCallSchema>;

/** The caller's side: every method becomes a call sent to the owner. */
export function createRemoteStore(send: (call: CacheCall) => Promise<unknown>): CacheStore {
  return {
    kind: 'memory',
    getJson: <T>(k: string) => send({ method: 'getJson', args: [k] }) as Promise<T | null>,
    setJson: async (k, value, ttlSeconds) => void (await send({ method: 'setJson', args: [k, value, ttlSeconds] })),
    getCounters: (keys) => send({ method: 'getCounters', args: [keys] }) as Promise<number[]>,
    increment: (k) => send({ method: 'increment', args: [k] }) as Promise<number>,
    addToWindow: (k, delta, ttlMs) => send({ method: 'addToWindow', args: [k, delta, ttlMs] }) as Promise<{ count: number; resetAt: number }>,
    acquireLock: (k, token, ttlMs) => send({ method: 'acquireLock', args: [k, token, ttlMs] }) as Promise<boolean>,
    releaseLock: async (k, token) => void (await send({ method: 'releaseLock', args: [k, token] })),
  };
}

/** The owner's side: runs a checked call on its own store. */
export function runCacheCall(store: CacheStore, call: CacheCall): Promise<unknown> {
  switch (call.method) {
    case 'getJson':
      return store.getJson(...call.args);
    case 'setJson':
      return store.setJson(...call.args);
    case 'getCounters':
      return store.getCounters(...call.args);
    case 'increment':
      return store.increment(...call.args);
    case 'addToWindow':
      return store.addToWindow(...call.args);
    case 'acquireLock':
      return store.acquireLock(...call.args);
    case 'releaseLock':
      return store.releaseLock(...call.args);
  }
}
