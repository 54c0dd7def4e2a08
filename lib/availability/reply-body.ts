import type { SlotList } from './slot-list';

// The availability reply, `{"meetingTypeId","timezone","slots":[…]}`, as bytes: the slots are
// serialised straight from the typed arrays, without building an object per slot.

const encoder = new TextEncoder();
const closingBrace = encoder.encode('}');

export function availabilityReplyBody(head: { meetingTypeId: string; timezone: string }, slots: SlotList): Uint8Array {
  const headJson = `${JSON.stringify(head).slice(0, -1)},"slots":`;
  return Buffer.concat([encoder.encode(headJson), slots.toJsonArrayBytes(), closingBrace]);
}
