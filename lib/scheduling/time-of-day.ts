import { MS_PER_DAY } from './calendar-date';

/** "HH:MM" or "HH:MM:SS" from 00:00 to 23:59:59, or exactly "24:00"/"24:00:00" (end of the day). */
export const TIME_OF_DAY_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?|24:00(?::00)?)$/;

/** Milliseconds since local midnight, 0 ..= one day; throws RangeError when malformed. */
export function parseTimeOfDay(time: string): number {
  const match = TIME_OF_DAY_PATTERN.exec(time);
  if (!match) throw new RangeError(`Invalid time of day "${time}", expected HH:MM or HH:MM:SS`);
  const [, hours, minutes, seconds] = match;
  if (hours === undefined) return MS_PER_DAY;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000;
}
