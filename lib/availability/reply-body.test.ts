import { describe, expect, it } from 'vitest';
import { availabilityReplyBody } from './reply-body';
import { SlotList } from './slot-list';

describe('availabilityReplyBody', () => {
  const start = Date.parse('2027-01-11T14:00:00Z');
  const list = SlotList.fromPairs([
    [start, start + 1_800_000],
    [start + 900_000, start + 2_700_000],
  ]);
  const head = { meetingTypeId: '7d3c2b1a-0000-4000-8000-000000000001', timezone: 'Asia/Kathmandu' };

  it('is byte for byte the JSON of the API contract', () => {
    const body = new TextDecoder().decode(availabilityReplyBody(head, list.between(start, Number.POSITIVE_INFINITY)));
    expect(JSON.parse(body)).toEqual({
      ...head,
      slots: [
        { start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:30:00.000Z' },
        { start: '2027-01-11T14:15:00.000Z', end: '2027-01-11T14:45:00.000Z' },
      ],
    });
    expect(body).toBe(JSON.stringify(JSON.parse(body)));
  });

  it('owns its memory, so a cached reply keeps no more alive than the cache counts', () => {
    const body = availabilityReplyBody(head, list.between(start, start + 1));
    expect(body.byteLength).toBeLessThan(4_096); // small enough for Node's shared Buffer pool
    expect(body.buffer.byteLength).toBe(body.byteLength);
  });

  it('writes a group event’s seats left, and instants past year 9999, through the same one buffer', () => {
    const far = Date.parse('+010000-01-01T00:00:00Z');
    const seated = SlotList.fromOffered([{ start, end: start + 1_800_000, seatsLeft: 2 }]);
    const farOff = SlotList.fromPairs([[far, far + 1_800_000]]);
    expect(JSON.parse(new TextDecoder().decode(availabilityReplyBody(head, seated)))).toEqual({
      ...head,
      slots: [{ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:30:00.000Z', seatsLeft: 2 }],
    });
    expect(JSON.parse(new TextDecoder().decode(availabilityReplyBody(head, farOff)))).toEqual({
      ...head,
      slots: [{ start: new Date(far).toISOString(), end: new Date(far + 1_800_000).toISOString() }],
    });
  });
});
