import { MS_PER_DAY, type OfferedSlot } from '@/lib/scheduling';

const encoder = new TextEncoder();

const NO_BYTES = new Uint8Array(0);
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
/** `{"start":"` + 24 + `","end":"` + 24 + `"}` and the comma before every entry but the first. */
const ENTRY_BYTES = 10 + 24 + 9 + 24 + 2 + 1;
const YEAR_1000 = Date.UTC(1000, 0, 1);
const YEAR_10000 = Date.UTC(10000, 0, 1);
const fourDigitYears = (instant: number) => instant >= YEAR_1000 && instant < YEAR_10000;

function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}

const DIGIT_0 = 0x30;

/** `HH:MM:SS.mmmZ` (13 ASCII bytes) for milliseconds since midnight UTC, digit by digit. */
function writeTimeOfDay(bytes: Uint8Array, at: number, ms: number): number {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  const secondsOfMinute = seconds % 60;
  const millis = ms % 1000;
  bytes[at] = DIGIT_0 + Math.floor(hours / 10);
  bytes[at + 1] = DIGIT_0 + (hours % 10);
  bytes[at + 2] = 0x3a; // :
  bytes[at + 3] = DIGIT_0 + Math.floor(minutes / 10);
  bytes[at + 4] = DIGIT_0 + (minutes % 10);
  bytes[at + 5] = 0x3a;
  bytes[at + 6] = DIGIT_0 + Math.floor(secondsOfMinute / 10);
  bytes[at + 7] = DIGIT_0 + (secondsOfMinute % 10);
  bytes[at + 8] = 0x2e; // .
  bytes[at + 9] = DIGIT_0 + Math.floor(millis / 100);
  bytes[at + 10] = DIGIT_0 + (Math.floor(millis / 10) % 10);
  bytes[at + 11] = DIGIT_0 + (millis % 10);
  bytes[at + 12] = 0x5a; // Z
  return at + 13;
}

/**
 * Writes instants as `Date#toISOString` (years 1000–9999: 24 ASCII bytes). Slots sit on a grid, so a
 * reply has few distinct days: each day's `YYYY-MM-DDT` is formatted once per writer; the time of day
 * is written digit by digit (no string, no encoder call). A writer is made per reply, so nothing is
 * shared between replies.
 */
function isoInstantWriter(): (bytes: Uint8Array, at: number, instant: number) => number {
  const days = new Map<number, string>();
  return (bytes, at, instant) => {
    const day = Math.floor(instant / MS_PER_DAY);
    let prefix = days.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
      days.set(day, prefix);
    }
    return writeTimeOfDay(bytes, writeAscii(bytes, at, prefix), instant - day * MS_PER_DAY);
  };
}

/** [start, end] in epoch ms; a group event's slots add the seats left as a third number. */
export type SlotTuple = readonly [number, number] | readonly [number, number, number];

/**
 * Ascending slots in typed arrays, cut by binary search. Immutable; `between` returns a view that
 * shares the arrays. A group event's list also holds each start's seats left.
 */
export class SlotList {
  private constructor(
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
    private readonly from: number,
    private readonly to: number,
    private readonly seatsLeft: Uint16Array | null = null,
  ) {}

  static fromPairs(pairs: readonly SlotTuple[]): SlotList {
    const starts = new Float64Array(pairs.length);
    const ends = new Float64Array(pairs.length);
    const seated = pairs.length > 0 && pairs[0]!.length === 3;
    const seatsLeft = seated ? new Uint16Array(pairs.length) : null;
    // Indexed, not destructured: destructuring a tuple runs the iterator protocol per slot.
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      starts[i] = pair[0];
      ends[i] = pair[1];
      if (seatsLeft) seatsLeft[i] = pair[2] ?? 0;
    }
    return new SlotList(starts, ends, 0, pairs.length, seatsLeft);
  }

  /** Straight from the engine's slots, with no tuples in between (nothing to store in a cache). */
  static fromOffered(slots: readonly OfferedSlot[]): SlotList {
    const starts = new Float64Array(slots.length);
    const ends = new Float64Array(slots.length);
    const seatsLeft = slots.length > 0 && slots[0]!.seatsLeft !== undefined ? new Uint16Array(slots.length) : null;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      starts[i] = slot.start;
      ends[i] = slot.end;
      if (seatsLeft) seatsLeft[i] = slot.seatsLeft ?? 0;
    }
    return new SlotList(starts, ends, 0, slots.length, seatsLeft);
  }

  /** Offered slots from the engine, as tuples (seats left only on a group event's). */
  static tuplesOf(slots: readonly OfferedSlot[]): SlotTuple[] {
    return slots.map((slot) => (slot.seatsLeft === undefined ? [slot.start, slot.end] : [slot.start, slot.end, slot.seatsLeft]));
  }

  get length(): number {
    return this.to - this.from;
  }

  /** The bytes the arrays behind this list hold (views share them). */
  get byteLength(): number {
    return this.starts.byteLength + this.ends.byteLength + (this.seatsLeft?.byteLength ?? 0);
  }

  /** Two views of the same list with the same slots. */
  sameCutAs(other: SlotList): boolean {
    return this.starts === other.starts && this.from === other.from && this.to === other.to;
  }

  /** The slots whose start lies in [startMin, startMax). */
  between(startMin: number, startMax: number): SlotList {
    const from = Math.max(this.from, this.firstIndexAtOrAfter(startMin));
    const to = Math.max(from, Math.min(this.to, this.firstIndexAtOrAfter(startMax)));
    return new SlotList(this.starts, this.ends, from, to, this.seatsLeft);
  }

  toIntervals(): OfferedSlot[] {
    const result: OfferedSlot[] = [];
    for (let i = this.from; i < this.to; i++) {
      result.push(this.seatsLeft ? { start: this.starts[i]!, end: this.ends[i]!, seatsLeft: this.seatsLeft[i]! } : { start: this.starts[i]!, end: this.ends[i]! });
    }
    return result;
  }

  toTuples(): SlotTuple[] {
    return SlotList.tuplesOf(this.toIntervals());
  }

  /**
   * `[{"start":"…Z","end":"…Z"},…]` with ISO-8601 UTC instants, UTF-8 encoded (replies send bytes).
   * Every entry has the same length, so the bytes are written straight into one buffer: no string
   * per instant or per slot (a cold reply has hundreds of slots). `before` and `after` go into the
   * same buffer (the reply's head and closing brace), so a reply is one allocation, not three.
   */
  toJsonArrayBytes(before: Uint8Array = NO_BYTES, after: Uint8Array = NO_BYTES): Uint8Array {
    const count = this.to - this.from;
    // A group event's entries carry "seatsLeft" and vary in length: they take the plain path.
    if (this.seatsLeft) return this.toJsonArrayBytesViaStrings(before, after);
    if (count > 0 && !(fourDigitYears(this.starts[this.from]!) && fourDigitYears(this.ends[this.to - 1]!))) return this.toJsonArrayBytesViaStrings(before, after);
    const arrayBytes = 2 + count * ENTRY_BYTES - (count > 0 ? 1 : 0);
    const bytes = new Uint8Array(before.length + arrayBytes + after.length);
    bytes.set(before, 0);
    bytes.set(after, before.length + arrayBytes);
    bytes[before.length] = OPEN_BRACKET;
    const writeIso = isoInstantWriter();
    let at = before.length + 1;
    for (let i = this.from; i < this.to; i++) {
      if (i > this.from) bytes[at++] = COMMA;
      at = writeAscii(bytes, at, '{"start":"');
      at = writeIso(bytes, at, this.starts[i]!);
      at = writeAscii(bytes, at, '","end":"');
      at = writeIso(bytes, at, this.ends[i]!);
      at = writeAscii(bytes, at, '"}');
    }
    bytes[at] = CLOSE_BRACKET;
    return bytes;
  }

  /** The same JSON through Date and JSON.stringify, for instants outside years 1000–9999 (longer ISO forms) and for seats. */
  private toJsonArrayBytesViaStrings(before: Uint8Array, after: Uint8Array): Uint8Array {
    const iso = (instant: number) => new Date(instant).toISOString();
    const array = encoder.encode(
      JSON.stringify(this.toIntervals().map(({ start, end, seatsLeft }) => (seatsLeft === undefined ? { start: iso(start), end: iso(end) } : { start: iso(start), end: iso(end), seatsLeft }))),
    );
    if (before.length === 0 && after.length === 0) return array;
    const bytes = new Uint8Array(before.length + array.length + after.length);
    bytes.set(before, 0);
    bytes.set(array, before.length);
    bytes.set(after, before.length + array.length);
    return bytes;
  }

  private firstIndexAtOrAfter(instant: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
