import { formatDurationAdjective } from '@/lib/booking/change-policy';

// Buffers explained with the host's own numbers: the slot engine offers a start s only when
// [s − buffer before, s + duration + buffer after) fits inside the hours, on a grid from the hours'
// start (lib/scheduling). Worked out here on one example window, as plain minutes of the day.

export interface BufferSettings {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Null: the default grid of 15 minutes. */
  slotIntervalMinutes: number | null;
}

/** Example hours the explanation uses: the default 09:00–17:00 every new host starts with. */
export const EXAMPLE_HOURS = { start: 9 * 60, end: 17 * 60 } as const;

/** The first and last start the engine offers in `hours` (minutes of the day), or null when none fits. */
export function startsWithin(settings: BufferSettings, hours: { start: number; end: number }): { first: number; last: number } | null {
  const interval = settings.slotIntervalMinutes ?? 15;
  const firstIndex = Math.ceil(settings.bufferBeforeMinutes / interval);
  const lastIndex = Math.floor((hours.end - hours.start - settings.durationMinutes - settings.bufferAfterMinutes) / interval);
  if (lastIndex < firstIndex) return null;
  return { first: hours.start + firstIndex * interval, last: hours.start + lastIndex * interval };
}

/** "a 15-minute buffer", "an 8-minute buffer", "an 11-minute buffer": the article follows the spoken number. */
const withArticle = (phrase: string) => `${/^(8|11-|18-)/.test(phrase) ? 'an' : 'a'} ${phrase}`;

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * "With 45-minute meetings and a 15-minute buffer after, the last start in 09:00–17:00 is 16:00,
 * because the buffer must also fit inside your hours." Null when the values are not usable numbers.
 */
export function explainBuffers(settings: BufferSettings, hours: { start: number; end: number } = EXAMPLE_HOURS): string | null {
  const values = [settings.durationMinutes, settings.bufferBeforeMinutes, settings.bufferAfterMinutes, settings.slotIntervalMinutes ?? 15];
  if (values.some((value) => !Number.isInteger(value) || value < 0) || settings.durationMinutes < 1 || (settings.slotIntervalMinutes ?? 15) < 1) return null;
  const span = `${clock(hours.start)}–${clock(hours.end)}`;
  const meetings = `${formatDurationAdjective(settings.durationMinutes)} meetings`;
  const { bufferBeforeMinutes: before, bufferAfterMinutes: after } = settings;
  if (before === 0 && after === 0) {
    return 'Buffers keep time free before or after each meeting, so bookings never sit back to back. They must fit inside your hours too.';
  }
  const buffers = [before > 0 ? `${withArticle(formatDurationAdjective(before))} buffer before` : null, after > 0 ? `${withArticle(formatDurationAdjective(after))} buffer after` : null].filter(Boolean).join(' and ');
  const starts = startsWithin(settings, hours);
  if (!starts) return `With ${meetings} and ${buffers}, nothing fits in ${span}: the buffers must fit inside your hours too.`;
  const parts = [
    before > 0 ? `the first start in ${span} is ${clock(starts.first)}` : null,
    after > 0 || before === 0 ? `the last start${before > 0 ? '' : ` in ${span}`} is ${clock(starts.last)}` : null,
  ].filter(Boolean);
  const why = before > 0 && after > 0 ? 'the buffers must also fit inside your hours' : 'the buffer must also fit inside your hours';
  return `With ${meetings} and ${buffers}, ${parts.join(' and ')}, because ${why}. No other booking can fall inside a buffer.`;
}
