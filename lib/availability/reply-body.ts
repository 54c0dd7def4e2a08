import type { SlotList } from './slot-list';

// The availability reply, `{"meetingTypeId","timezone","slots":[…]}`, as bytes: the slots are
// serialised straight from the typed arrays, without building an object per slot.

const encoder = new TextEncoder();
const closingBrace = encoder.encode('}');

/**
 * One allocation, the reply's own: Buffer.concat takes small results from Node's shared 8 KiB pool, and
 * a cached reply would then keep a whole slab alive while the cache counts only its own bytes. (Built
 * in pieces and copied, every reply also allocated and dropped its body's size twice more.)
 */
export function availabilityReplyBody(head: { meetingTypeId: string; timezone: string }, slots: SlotList): Uint8Array {
  return slots.toJsonArrayBytes(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"slots":`), closingBrace);
}
