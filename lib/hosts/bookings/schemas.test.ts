import { describe, expect, it } from 'vitest';
import { containsPattern } from './list';
import { bookingListQuerySchema, cancelHostBookingSchema, encodeBookingCursor } from './schemas';

const ID = '5f0c6a2e-3b1d-4c8e-9a7f-2d4b6e8f0a1c';

describe('the booking list URL', () => {
  it('round-trips a cursor, microseconds included', () => {
    const cursor = encodeBookingCursor({ start: '2027-01-11T15:00:00.000123Z', id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(bookingListQuerySchema.parse({ tab: 'past', cursor })).toEqual({ tab: 'past', q: '', cursor: { start: '2027-01-11T15:00:00.000123Z', id: ID } });
  });

  it('falls back to the first page of Upcoming for anything it does not understand', () => {
    for (const cursor of ['!!', encodeBookingCursor({ start: 'soon', id: ID }), encodeBookingCursor({ start: '2027-01-11T15:00:00Z', id: 'x' }), encodeBookingCursor({ start: '0000-01-01T00:00:00Z', id: ID }), 'e30', ['a', 'b']]) {
      expect(bookingListQuerySchema.parse({ cursor }).cursor).toBeUndefined();
    }
    expect(bookingListQuerySchema.parse({ tab: 'archived' }).tab).toBe('upcoming');
    expect(bookingListQuerySchema.parse({ tab: ['cancelled', 'past'] }).tab).toBe('cancelled');
    expect(bookingListQuerySchema.parse({ q: 42 }).q).toBe('');
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and the escape character, and matches anywhere', () => {
    expect(containsPattern('ann')).toBe('%ann%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});

describe('cancelHostBookingSchema', () => {
  it('reads an empty reason as none, and keeps line breaks in a real one', () => {
    expect(cancelHostBookingSchema.parse({ bookingId: ID, reason: '  ' })).toEqual({ bookingId: ID, reason: undefined });
    expect(cancelHostBookingSchema.parse({ bookingId: ID, reason: 'a\r\nb' }).reason).toBe('a\nb');
  });
});
