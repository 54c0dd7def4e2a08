import type { SlotList } from './slot-list';

// The availability reply, `{"meetingTypeId","timezone","slots":[…]}`, as bytes: the slots are
// serialised straight from the typed arrays, without building an object per slot.

const encoder = new TextEncoder();
const closingBrace = encoder.encode('}');

/**
 * In a buffer of its own: Buffer.concat takes small results from Node's shared 8 KiB pool, and a
 * cached reply would then keep a whole slab alive while the cache counts only its own bytes.
 */
export function availabilityReplyBody(head: { meetingTypeId: string; timezone: string }, slots: SlotList): Uint8Array {
  const headBytes = encoder.encode(`${JSON.stringify(head).slice(0, -1)},"slots":`);
  const slotBytes = slots.toJsonArrayBytes();
  const body = new Uint8Array(headBytes.length + slotBytes.length + closingBrace.length);
  body.set(headBytes, 0);
  body.set(slotBytes, headBytes.length);
  body.set(closingBrace, headBytes.length + slotBytes.length);
  return body;
}
