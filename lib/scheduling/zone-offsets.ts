import { formatInTimeZone } from 'date-fns-tz';
import { MS_PER_DAY } from './calendar-date';

// Why not fromZonedTime: in date-fns-tz 3.2 it maps skipped wall times (02:30 on a spring-forward
// day) backward, and picks between repeated wall times (01:30 on a fall-back day) according to the
// *process* time zone (so does its getTimezoneOffset). Only formatInTimeZone's offset token depends
// on nothing but the instant and the zone, so wall time -> instant is built on it here.

/** Converts between instants and a zone's wall clock (wall time = local fields encoded as UTC ms). */
export interface ZoneClock {
  /** Milliseconds to add to an instant to get the wall time, e.g. -4 h for New York in summer. */
  offsetAt(instant: number): number;
  /**
   * A wall time that happens twice (fall back) resolves to the first occurrence; a wall time that
   * never happens (spring forward) moves forward by the gap: 02:30 New York on 2026-03-08 is 03:30
   * EDT. This matches JavaScript's Date and Temporal's "compatible" disambiguation.
   */
  wallTimeToInstant(wallTime: number): number;
  instantToWallTime(instant: number): number;
}

interface OffsetChange {
  at: number;
  offset: number;
}

/** The offsets of one UTC calendar year: [from, to). */
interface YearOffsets {
  from: number;
  to: number;
  initialOffset: number;
  changes: OffsetChange[];
}

// Names Intl gave back as canonical. Only canonical names are remembered, so this set is bounded by
// the tz database (~600 names), however many spellings of them arrive.
const canonicalZones = new Set<string>();

/**
 * The canonical IANA name of a zone in any letter case ("america/new_york" → "America/New_York"),
 * or null for "" and junk like "Mars/Base". Every zone that enters the system passes through here,
 * so nothing downstream (offset tables, Intl formatters) ever sees more names than the tz database has.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (canonicalZones.has(timeZone)) return timeZone;
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 64) return null;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  canonicalZones.add(canonical);
  return canonical;
}

/** True for IANA names Intl knows ("Asia/Kathmandu", "UTC"), in any letter case. */
export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

// Offsets come from Intl (~10 µs a lookup), so each zone-year is tabulated once and kept: the table
// is a pure function of (zone, year), so sharing it between calls cannot change any result. Bounded
// by an estimate of its bytes; when full it starts over (rebuilding a table costs about a millisecond).
const yearTables = new Map<string, YearOffsets>();
export const ZONE_TABLE_BUDGET_BYTES = 512 * 1024;
let yearTableBytes = 0;
const tableBytes = (key: string, table: YearOffsets) => 2 * key.length + 96 + 48 * table.changes.length;

/** Drops the memoized offset tables (tests use it to rebuild them under another process zone). */
export function clearZoneOffsetTables(): void {
  yearTables.clear();
  yearTableBytes = 0;
}

/** The estimated bytes the offset tables hold now (never above ZONE_TABLE_BUDGET_BYTES). */
export function zoneOffsetTableBytes(): number {
  return yearTableBytes;
}

export function createZoneClock(zone: string): ZoneClock {
  const canonical = canonicalTimeZone(zone);
  if (canonical === null) throw new RangeError(`Unknown time zone "${zone}"`);
  const timeZone: string = canonical;
  let current: YearOffsets | undefined;

  function offsetAt(instant: number): number {
    if (current === undefined || instant < current.from || instant >= current.to) {
      current = yearOffsets(timeZone, new Date(instant).getUTCFullYear());
    }
    let offset = current.initialOffset;
    for (const change of current.changes) {
      if (change.at > instant) break;
      offset = change.offset;
    }
    return offset;
  }

  function wallTimeToInstant(wallTime: number): number {
    // A day either side is far enough to see both offsets around any change near this wall time.
    const offsetBefore = offsetAt(wallTime - MS_PER_DAY);
    const offsetAfter = offsetAt(wallTime + MS_PER_DAY);
    if (offsetBefore === offsetAfter) return wallTime - offsetBefore;
    const withOffsetBefore = wallTime - offsetBefore;
    const withOffsetAfter = wallTime - offsetAfter;
    const beforeHolds = offsetAt(withOffsetBefore) === offsetBefore;
    const afterHolds = offsetAt(withOffsetAfter) === offsetAfter;
    if (beforeHolds && afterHolds) return Math.min(withOffsetBefore, withOffsetAfter);
    if (afterHolds) return withOffsetAfter;
    // Either only the old offset holds, or neither does (a skipped wall time): keep the old offset,
    // which lands the gap's length after the requested wall time.
    return withOffsetBefore;
  }

  return { offsetAt, wallTimeToInstant, instantToWallTime: (instant) => instant + offsetAt(instant) };
}

function yearOffsets(timeZone: string, year: number): YearOffsets {
  const key = `${timeZone}\u0000${year}`;
  const cached = yearTables.get(key);
  if (cached) return cached;
  const table = tabulateYear(timeZone, year);
  const bytes = tableBytes(key, table);
  if (yearTableBytes + bytes > ZONE_TABLE_BUDGET_BYTES) clearZoneOffsetTables();
  yearTables.set(key, table);
  yearTableBytes += bytes;
  return table;
}

/**
 * Samples the offset at every UTC midnight and bisects each day whose offset differs from the day
 * before. Assumes a zone never changes and changes back within one day (true of the tz database).
 */
function tabulateYear(timeZone: string, year: number): YearOffsets {
  const from = new Date(0).setUTCFullYear(year, 0, 1);
  const to = new Date(0).setUTCFullYear(year + 1, 0, 1);
  const initialOffset = offsetFromIntl(timeZone, from);
  const changes: OffsetChange[] = [];
  let knownAt = from;
  let knownOffset = initialOffset;
  for (let sample = from + MS_PER_DAY; sample <= to; sample += MS_PER_DAY) {
    const sampleOffset = offsetFromIntl(timeZone, sample);
    while (sampleOffset !== knownOffset) {
      const at = firstInstantWithOtherOffset(timeZone, knownAt, sample, knownOffset);
      knownAt = at;
      knownOffset = offsetFromIntl(timeZone, at);
      changes.push({ at, offset: knownOffset });
    }
    knownAt = sample;
  }
  return { from, to, initialOffset, changes };
}

/** Bisects whole seconds in (from, to]: offset(from) === offset, offset(to) !== offset. */
function firstInstantWithOtherOffset(timeZone: string, from: number, to: number, offset: number): number {
  let low = Math.floor(from / 1000);
  let high = Math.ceil(to / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetFromIntl(timeZone, middle * 1000) === offset) low = middle;
    else high = middle;
  }
  return high * 1000;
}

const OFFSET_TOKEN = /^([+-])(\d{2}):(\d{2})$/;

/** Whole minutes: the seconds of pre-1972 local mean time offsets are dropped. */
function offsetFromIntl(timeZone: string, instant: number): number {
  const match = OFFSET_TOKEN.exec(formatInTimeZone(new Date(instant), timeZone, 'xxx'));
  if (!match) throw new RangeError(`No UTC offset for time zone "${timeZone}"`);
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}
