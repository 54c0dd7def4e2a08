// What an entry of a byte-bounded in-process cache costs the heap, for lru-cache's sizeCalculation.
// Payload alone undercounts small entries about 2.5×: lru-cache's bookkeeping, the value's objects
// and each typed array's own objects outweigh a short key and a few slots. The constants are measured
// (lib/cache/entry-bytes.test.ts, lib/availability/reply-cache.test.ts hold the caches to them).

/** lru-cache's bookkeeping for one entry: its key-map slot, list links, size and TTL slots. */
export const LRU_ENTRY_BYTES = 192;

/** A small plain object (a few fields): header and in-object fields. */
export const OBJECT_BYTES = 48;

/** A typed array and its ArrayBuffer (objects and backing-store record) beyond their contents. */
export const TYPED_ARRAY_BYTES = 240;

/** A string: its header, and 2 bytes a character (two-byte strings; one-byte ones cost less). */
export function stringBytes(value: string): number {
  return 24 + 2 * value.length;
}
