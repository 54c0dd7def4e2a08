import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { LRU_ENTRY_BYTES, OBJECT_BYTES, stringBytes, TYPED_ARRAY_BYTES } from '@/lib/cache/entry-bytes';
import { env } from '@/lib/env';
import type { Interval, MeetingPolicy } from '@/lib/scheduling';
import { availabilityReplyBody } from './reply-body';
import type { SlotList } from './slot-list';

// Each process's one cache on the availability path (the other is the shared cache store): finished
// replies, keyed by the request's raw query string, weighed in bytes. An entry is used only while the
// host's version is the one it was built under; its body is rebuilt when the clock moves the cut
// (notice, horizon) past a slot.

export interface CachedReply {
  /** Null for a team meeting type, whose reply is good while `team.stamp` is. */
  hostUserId: string | null;
  version: number;
  team?: { memberIds: string[]; stamp: string };
  head: { meetingTypeId: string; timezone: string };
  /** Null when the range held no day of the booking window (no slots at all). */
  policy: MeetingPolicy | null;
  /** The requested range, before notice and horizon cut it. */
  range: Interval;
  /** Slots were computed up to here (the booking window as of when they were): later, recompute. */
  coveredUntil: number;
  windowDays: number;
  /** Every slot of the entry's span; `shown` is the cut the body holds. */
  slots: SlotList;
  shown: SlotList;
  body: Uint8Array;
  etag: string;
}

/** The entry, its head/range/policy and two slot-list objects; the slot arrays (shared by both lists) and the body. */
const REPLY_OBJECTS = 6;
const REPLY_TYPED_ARRAYS = 3;

export function replyBytes(entry: CachedReply, key: string): number {
  const fixed = LRU_ENTRY_BYTES + REPLY_OBJECTS * OBJECT_BYTES + REPLY_TYPED_ARRAYS * TYPED_ARRAY_BYTES;
  return fixed + stringBytes(key) + stringBytes(entry.etag) + entry.slots.byteLength + entry.body.byteLength + teamBytes(entry.team);
}

/** A team reply's stamp and member ids: the object, its array and their strings. */
function teamBytes(team: CachedReply['team']): number {
  if (!team) return 0;
  return 2 * OBJECT_BYTES + stringBytes(team.stamp) + team.memberIds.reduce((bytes, id) => bytes + stringBytes(id), 0);
}

let replies: LRUCache<string, CachedReply> | undefined;

function cache(): LRUCache<string, CachedReply> {
  replies ??= new LRUCache<string, CachedReply>({
    maxSize: env().AVAILABILITY_REPLY_CACHE_MAX_BYTES,
    sizeCalculation: replyBytes,
    ttlAutopurge: false,
  });
  return replies;
}

/** A strong validator for the body: the same bytes give the same tag on every instance. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export function buildReply(fields: Omit<CachedReply, 'body' | 'etag'>): CachedReply {
  const body = availabilityReplyBody(fields.head, fields.shown);
  return { ...fields, body, etag: etagOf(body) };
}

export function findCachedReply(search: string): CachedReply | undefined {
  return cache().get(search);
}

export function rememberReply(search: string, reply: CachedReply, ttlSeconds: number): void {
  cache().set(search, reply, { ttl: ttlSeconds * 1000 });
}

/** Bytes the cache holds now, and its budget (tests check the bound). */
export function replyCacheUsage(): { bytes: number; maxBytes: number } {
  const replyCache = cache();
  return { bytes: replyCache.calculatedSize, maxBytes: replyCache.maxSize };
}

/** Tests play a second app instance (only the shared store), or change the budget. */
export function forgetRepliesForTests(): void {
  replies = undefined;
}
