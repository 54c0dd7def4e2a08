import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationFields } from './limits';
import { meetingTypeFormSchema } from './schemas';

const base = { name: 'Intro', slug: 'intro', color: '#3b82f6', durationMinutes: '30', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minNoticeMinutes: '0', maxDaysInFuture: '60', minChangeNoticeMinutes: '0' };

describe('the meeting type form schema', () => {
  it('converts a number typed in any offered unit to a whole number in the stored unit, or refuses it beside the field', () => {
    const names = Object.keys(durationFields) as (keyof typeof durationFields)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }).map(String), fc.string(), fc.constantFrom('', ' 1.5 ', '1e3', 'Infinity')),
        fc.oneof(fc.constantFrom('minutes', 'hours', 'days', 'weeks'), fc.string()),
        (name, amount, unit) => {
          const result = meetingTypeFormSchema.safeParse({ ...base, [name]: amount, [`${name}Unit`]: unit });
          if (result.success) {
            const value = result.data[name];
            expect(value === null || Number.isInteger(value)).toBe(true);
            expect(result.data).not.toHaveProperty(`${name}Unit`);
          } else {
            const paths = result.error.issues.map((issue) => issue.path.join('.'));
            expect(paths.every((path) => path === name || path === `${name}Unit`)).toBe(true);
          }
        },
      ),
    );
  });

  it('takes "requires confirmation" as a checkbox and the auto-decline as 1–720 whole hours or empty, refused beside its field', () => {
    expect(meetingTypeFormSchema.parse({ ...base })).toMatchObject({ requiresConfirmation: false, autoDeclineAfterHours: null });
    expect(meetingTypeFormSchema.parse({ ...base, requiresConfirmation: 'on', autoDeclineAfterHours: '48' })).toMatchObject({ requiresConfirmation: true, autoDeclineAfterHours: 48 });
    for (const bad of ['0', '721', '1.5', 'soon']) {
      const result = meetingTypeFormSchema.safeParse({ ...base, requiresConfirmation: 'on', autoDeclineAfterHours: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['autoDeclineAfterHours']);
    }
  });
});
