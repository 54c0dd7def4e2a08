import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from '@/lib/scheduling/compute-slots';
import { at, everyDay, meetingPolicy, schedule } from '@/lib/scheduling/test-fixtures';
import { explainBuffers, startsWithin } from './buffer-example';

const MINUTE = 60_000;
const day = at('2020-03-05T00:00:00Z');

describe('the buffer explanation', () => {
  it('says the after-buffer moves the last start earlier (the issue’s example)', () => {
    const text = explainBuffers({ durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, slotIntervalMinutes: null }, { start: 14 * 60, end: 18 * 60 });
    expect(text).toBe(
      'With 45-minute meetings and a 15-minute buffer after, the last start in 14:00–18:00 is 17:00, because the buffer must also fit inside your hours. No other booking can fall inside a buffer.',
    );
  });

  it('says "an" before a number spoken with a vowel', () => {
    const after = (minutes: number) => explainBuffers({ durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: minutes, slotIntervalMinutes: null });
    expect(after(8)).toContain('and an 8-minute buffer after');
    expect(after(11)).toContain('and an 11-minute buffer after');
    expect(after(18)).toContain('and an 18-minute buffer after');
    expect(after(5)).toContain('and a 5-minute buffer after');
  });

  it('names the first start when a buffer comes before', () => {
    expect(explainBuffers({ durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 0, slotIntervalMinutes: null })).toContain('the first start in 09:00–17:00 is 09:15');
  });

  it('says so when nothing fits, and explains buffers in general when there are none', () => {
    expect(explainBuffers({ durationMinutes: 420, bufferBeforeMinutes: 60, bufferAfterMinutes: 60, slotIntervalMinutes: null })).toContain('nothing fits');
    expect(explainBuffers({ durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, slotIntervalMinutes: null })).toContain('keep time free');
    expect(explainBuffers({ durationMinutes: Number.NaN, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, slotIntervalMinutes: null })).toBeNull();
  });

  it('gives the same first and last start as the slot engine for one day of hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(null, 5, 10, 15, 20, 30, 45, 60),
        fc.integer({ min: 0, max: 20 }).map((h) => h * 60),
        fc.integer({ min: 1, max: 16 }).map((h) => h * 60),
        (duration, before, after, interval, start, length) => {
          const hours = { start, end: Math.min(24 * 60, start + length) };
          const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const input = schedule({
            rules: everyDay(clock(hours.start), hours.end === 24 * 60 ? '24:00' : clock(hours.end)),
            meetingType: meetingPolicy({ durationMinutes: duration, bufferBeforeMinutes: before, bufferAfterMinutes: after, slotIntervalMinutes: interval }),
          });
          const slots = computeSlots(input, { start: day, end: day + 24 * 60 * MINUTE });
          const starts = startsWithin({ durationMinutes: duration, bufferBeforeMinutes: before, bufferAfterMinutes: after, slotIntervalMinutes: interval }, hours);
          const minuteOf = (instant: number) => (instant - day) / MINUTE;
          if (slots.length === 0) expect(starts).toBeNull();
          else expect(starts).toEqual({ first: minuteOf(slots[0]!.start), last: minuteOf(slots.at(-1)!.start) });
        },
      ),
    );
  });
});
