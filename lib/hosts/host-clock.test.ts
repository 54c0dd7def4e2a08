import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatClockRange, formatDateTime, formatWallTime, formatWallWindow, localeFromAcceptLanguage, localeHourCycle, resolveHourCycle } from './host-clock';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'];
const at = (iso: string) => new Date(iso);

/** Minutes since midnight of "14:05" or "2:05 PM" ("12:00 AM" is 0). */
function minutesOf(text: string): number {
  const match = /^(\d{1,2}):(\d{2})(?: (AM|PM))?$/.exec(text);
  if (!match) throw new Error(`not a clock reading: ${text}`);
  const [, h = '0', m = '0', half] = match;
  const hours = half ? (Number(h) % 12) + (half === 'PM' ? 12 : 0) : Number(h);
  return hours * 60 + Number(m);
}

describe('the host clock', () => {
  it('reads an instant on a 24-hour clock as "14:00" and on a 12-hour clock as "2:00 PM"', () => {
    const start = at('2027-01-11T14:00:00Z');
    expect(formatClock(start, 'Europe/London', '24h')).toBe('14:00');
    expect(formatClock(start, 'Europe/London', '12h')).toBe('2:00 PM');
    expect(formatClock(at('2027-01-11T09:05:00Z'), 'UTC', '24h')).toBe('09:05');
    expect(formatClock(at('2027-01-11T00:30:00Z'), 'UTC', '24h')).toBe('00:30');
    expect(formatClock(at('2027-01-11T00:30:00Z'), 'UTC', '12h')).toBe('12:30 AM');
    expect(formatClock(start, 'Asia/Kathmandu', '24h')).toBe('19:45');
  });

  it('formats ranges and dates with times on the chosen clock', () => {
    const [start, end] = [at('2027-07-12T13:00:00Z'), at('2027-07-12T13:30:00Z')];
    expect(formatClockRange(start, end, 'Europe/London', '24h')).toBe('14:00 – 14:30');
    expect(formatClockRange(start, end, 'Europe/London', '12h')).toBe('2:00 PM – 2:30 PM');
    expect(formatDateTime(start, 'Europe/London', '24h')).toBe('Mon, Jul 12, 2027, 14:00');
    expect(formatDateTime(start, 'America/New_York', '12h')).toBe('Mon, Jul 12, 2027, 9:00 AM');
  });

  it('reads wall times and windows, with 24:00 as the end of the day', () => {
    expect(formatWallTime('14:00', '24h')).toBe('14:00');
    expect(formatWallTime('14:00:00', '12h')).toBe('2:00 PM');
    expect(formatWallTime('00:15', '12h')).toBe('12:15 AM');
    expect(formatWallTime('12:00', '12h')).toBe('12:00 PM');
    expect(formatWallTime('24:00', '24h')).toBe('24:00');
    expect(formatWallTime('24:00', '12h')).toBe('12:00 AM');
    expect(formatWallWindow({ startTime: '09:00', endTime: '17:30' }, '24h')).toBe('09:00–17:30');
    expect(formatWallWindow({ startTime: '09:00', endTime: '17:30' }, '12h')).toBe('9:00 AM – 5:30 PM');
  });

  it('gives the same minute on both clocks, for any instant in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...ZONES), (instant, zone) => {
        const h24 = formatClock(instant, zone, '24h');
        const h12 = formatClock(instant, zone, '12h');
        expect(h24).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(h12).toMatch(/^(1[0-2]|[1-9]):[0-5]\d (AM|PM)$/);
        expect(minutesOf(h12)).toBe(minutesOf(h24));
      }),
    );
  });

  it('reads every wall minute of a day back to itself on both clocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (minute) => {
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        expect(formatWallTime(time, '24h')).toBe(time);
        expect(minutesOf(formatWallTime(time, '12h'))).toBe(minute);
      }),
    );
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Chatham';
      expect(formatClock(at('2027-03-28T01:30:00Z'), 'Europe/London', '24h')).toBe('02:30');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('the clock a locale expects', () => {
  it('is 12-hour for en-US and 24-hour for en-GB and German', () => {
    expect(localeHourCycle('en-US')).toBe('12h');
    expect(localeHourCycle('en-GB')).toBe('24h');
    expect(localeHourCycle('de')).toBe('24h');
    expect(localeHourCycle('fr-FR')).toBe('24h');
  });

  it('falls back to 12-hour (the dashboard’s en-US) for no locale or one Intl does not know', () => {
    expect(localeHourCycle(null)).toBe('12h');
    expect(localeHourCycle('')).toBe('12h');
    expect(localeHourCycle('zz')).toBe('12h');
    expect(localeHourCycle('not a locale!')).toBe('12h');
  });

  it('follows the stored choice, or the locale when the choice is automatic', () => {
    expect(resolveHourCycle({ hourCycle: 'auto', locale: 'en-GB' })).toBe('24h');
    expect(resolveHourCycle({ hourCycle: 'auto', locale: 'en-US' })).toBe('12h');
    expect(resolveHourCycle({ hourCycle: 'auto', locale: null })).toBe('12h');
    expect(resolveHourCycle({ hourCycle: '12h', locale: 'de' })).toBe('12h');
    expect(resolveHourCycle({ hourCycle: '24h', locale: 'en-US' })).toBe('24h');
  });
});

describe('the locale of an Accept-Language header', () => {
  it('is the most preferred language Intl knows, canonical', () => {
    expect(localeFromAcceptLanguage('en-gb,en;q=0.9')).toBe('en-GB');
    expect(localeFromAcceptLanguage('de;q=0.5, fr-CH, fr;q=0.9')).toBe('fr-CH');
    expect(localeFromAcceptLanguage('*;q=1, zz, de-DE;q=0.3')).toBe('de-DE');
  });

  it('is null for an absent, empty or unusable header', () => {
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage('en;q=0')).toBeNull();
    expect(localeFromAcceptLanguage('<script>, ;;;')).toBeNull();
  });

  it('never throws and returns a short locale, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const locale = localeFromAcceptLanguage(header);
        if (locale !== null) expect(locale.length).toBeLessThanOrEqual(35);
      }),
    );
  });
});
