import type { SlotList } from './slot-list';

// The availability reply, `{"meetingTypeId","timezone","slots":[…]}`, as bytes. A warm request usually
// asks what the previous one asked, so the finished body is remembered per encoded slot array (the same
// array object while the range and `now` cut the same slots) and per head.

const encoder = new TextEncoder();
const closingBrace = encoder.encode('}');
const bodies = new WeakMap<Uint8Array, Map<string, Uint8Array>>();
const HEADS_PER_ARRAY = 16;

export function availabilityReplyBody(head: { meetingTypeId: string; timezone: string }, slots: SlotList): Uint8Array {
  const array = slots.toJsonArrayBytes();
  const headJson = `${JSON.stringify(head).slice(0, -1)},"slots":`;
  let byHead = bodies.get(array);
  if (!byHead) {
    byHead = new Map();
    bodies.set(array, byHead);
  }
  let body = byHead.get(headJson);
  if (!body) {
    body = Buffer.concat([encoder.encode(headJson), array, closingBrace]);
    if (byHead.size >= HEADS_PER_ARRAY) byHead.clear();
    byHead.set(headJson, body);
  }
  return body;
}
