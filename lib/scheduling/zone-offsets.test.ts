import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_MINUTE, formatLocalDate, parseLocalDate } from './calendar-date';
import { localDateTimeToInstant } from './time';
import { createZoneClock } from './zone-offsets';
import { PROPERTY_ZONES as ZONES } from './test-fixtures';

const FROM = parseLocalDate('2024-01-01') * MS_PER_DAY;
const TO = parseLocalDate('2029-01-01') * MS_PER_DAY;

// Independent of the engine: Intl's own wall clock for an instant, as UTC-encoded milliseconds.
const formatters = new Map<string, Intl.DateTimeFormat>();
function intlWallTime(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

const zone = fc.constantFrom(...ZONES);
const instantInRange = fc.integer({ min: FROM / MS_PER_MINUTE, max: TO / MS_PER_MINUTE }).map((minute) => minute * MS_PER_MINUTE);

describe('zone offsets', () => {
  it('match Intl for any instant in 2024-2028', () => {
    fc.assert(
      fc.property(zone, instantInRange, (timeZone, instant) => {
        expect(createZoneClock(timeZone).instantToWallTime(instant)).toBe(intlWallTime(instant, timeZone));
      }),
      { numRuns: 300 },
    );
  });

  it('turn every wall time that exists back into an instant showing it, at its first occurrence', () => {
    fc.assert(
      fc.property(zone, instantInRange, (timeZone, someInstant) => {
        // Derive the wall time from a real instant half the time so DST edges are hit often.
        const wallTime = Math.floor(intlWallTime(someInstant, timeZone) / MS_PER_MINUTE) * MS_PER_MINUTE;
        const date = formatLocalDate(Math.floor(wallTime / MS_PER_DAY));
        const minuteOfDay = (wallTime % MS_PER_DAY) / MS_PER_MINUTE;
        const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
        const instant = localDateTimeToInstant(date, time, timeZone);
        expect(intlWallTime(instant, timeZone)).toBe(wallTime);
        // No earlier instant within the largest possible DST shift shows the same wall time.
        for (let earlier = instant - 2 * 60 * MS_PER_MINUTE; earlier < instant; earlier += 15 * MS_PER_MINUTE) {
          expect(intlWallTime(earlier, timeZone)).not.toBe(wallTime);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('move a skipped wall time forward by exactly the length of the gap', () => {
    // Every spring-forward gap in these zones, 2024-2028, found by scanning Intl day by day.
    const offset = (instant: number, timeZone: string): number => intlWallTime(instant, timeZone) - instant;
    let gaps = 0;
    for (const timeZone of ZONES) {
      for (let instant = FROM; instant < TO; instant += MS_PER_DAY) {
        const jump = offset(instant + MS_PER_DAY, timeZone) - offset(instant, timeZone);
        if (jump <= 0) continue;
        gaps++;
        const transition = findTransition(instant, instant + MS_PER_DAY, timeZone);
        const skipped = intlWallTime(transition - MS_PER_MINUTE, timeZone) + MS_PER_MINUTE + jump / 2;
        const date = formatLocalDate(Math.floor(skipped / MS_PER_DAY));
        const minuteOfDay = (skipped % MS_PER_DAY) / MS_PER_MINUTE;
        const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
        expect(intlWallTime(localDateTimeToInstant(date, time, timeZone), timeZone), `${timeZone} ${date} ${time}`).toBe(skipped + jump);
      }
    }
    expect(gaps).toBe(4 * 5); // New York, London, Lord Howe and Chatham, once a year
  });
});

function findTransition(before: number, after: number, timeZone: string): number {
  const offset = (instant: number): number => intlWallTime(instant, timeZone) - instant;
  while (after - before > MS_PER_MINUTE) {
    const middle = before + Math.floor((after - before) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (offset(middle) === offset(before)) before = middle;
    else after = middle;
  }
  return after;
}
