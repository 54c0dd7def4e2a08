import type { Interval } from '@/lib/scheduling';

const DAY_MS = 86_400_000;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
let prefixDay = Number.NaN;
let prefix = '';

/**
 * Date#toISOString, several times faster for runs of instants on the same day (slots come sorted):
 * the "YYYY-MM-DDT" part is formatted once per day. Valid for years 0000–9999.
 */
export function isoUtc(instant: number): string {
  const day = Math.floor(instant / DAY_MS);
  if (day !== prefixDay) {
    prefixDay = day;
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = instant - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest - seconds * 1000, 3)}Z`;
}

/**
 * The slots of one cached entry, decoded once per process: ascending start instants for cutting a
 * range by binary search, and each slot's JSON, built on first use, so a warm reply is one string join.
 * Instances are immutable; `between` returns a view.
 */
interface SharedJson {
  /** Each slot's JSON object, built on first use. */
  slots?: string[];
  /** Whole arrays of recent views, as UTF-8: consecutive requests cut the same range until `now` passes a slot. */
  arrays: Map<string, Uint8Array>;
}

const REMEMBERED_ARRAYS = 8;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class SlotList {
  private constructor(
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
    private readonly from: number,
    private readonly to: number,
    private readonly shared: SharedJson,
  ) {}

  static fromPairs(pairs: readonly (readonly [number, number])[]): SlotList {
    const starts = new Float64Array(pairs.length);
    const ends = new Float64Array(pairs.length);
    pairs.forEach(([start, end], i) => {
      starts[i] = start;
      ends[i] = end;
    });
    return new SlotList(starts, ends, 0, pairs.length, { arrays: new Map() });
  }

  get length(): number {
    return this.to - this.from;
  }

  /** The slots whose start lies in [startMin, startMax). */
  between(startMin: number, startMax: number): SlotList {
    const from = Math.max(this.from, this.firstIndexAtOrAfter(startMin));
    const to = Math.max(from, Math.min(this.to, this.firstIndexAtOrAfter(startMax)));
    return new SlotList(this.starts, this.ends, from, to, this.shared);
  }

  toIntervals(): Interval[] {
    const result: Interval[] = [];
    for (let i = this.from; i < this.to; i++) result.push({ start: this.starts[i]!, end: this.ends[i]! });
    return result;
  }

  /** `[{"start":"…Z","end":"…Z"},…]` with ISO-8601 UTC instants, UTF-8 encoded (replies send bytes). */
  toJsonArrayBytes(): Uint8Array {
    const { arrays } = this.shared;
    const key = `${this.from}:${this.to}`;
    let array = arrays.get(key);
    if (array === undefined) {
      // ISO-8601 strings need no JSON escaping, so a template is exact (the unit test compares).
      this.shared.slots ??= Array.from(this.starts, (start, i) => `{"start":"${isoUtc(start)}","end":"${isoUtc(this.ends[i]!)}"}`);
      array = encoder.encode(`[${this.shared.slots.slice(this.from, this.to).join(',')}]`);
      if (arrays.size >= REMEMBERED_ARRAYS) arrays.delete(arrays.keys().next().value!);
      arrays.set(key, array);
    }
    return array;
  }

  toJsonArray(): string {
    return decoder.decode(this.toJsonArrayBytes());
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
