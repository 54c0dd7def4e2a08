import type { OpeningSlots } from '@/lib/availability/opening-dates';
import { addDays } from '@/lib/scheduling/calendar-date';
import type { AvailabilityQuery, Slot } from './api-client';
import { localDateKey } from './format-time';

export type { OpeningSlots };

/**
 * What the API would answer for `query`, taken from the slots the page came with; null when they do
 * not hold all of it (another month, a reschedule link), so the picker asks the API. The API's range
 * is the slots starting from `start` 00:00 to `end` 24:00 in the zone, i.e. on those local dates.
 */
export function answerFromOpening(opening: OpeningSlots | null | undefined, query: AvailabilityQuery): Slot[] | null {
  if (!opening || query.rescheduleToken) return null;
  // Every zone's date D lies within UTC's D − 1 … D + 1, so the dates strictly inside are complete.
  if (query.start < addDays(opening.start, 1) || query.end > addDays(opening.end, -1)) return null;
  const slots: Slot[] = [];
  for (const [start, end, seatsLeft] of opening.slots) {
    const day = localDateKey(start, query.timezone);
    if (day < query.start || day > query.end) continue;
    const slot: Slot = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
    slots.push(seatsLeft === undefined ? slot : { ...slot, seatsLeft });
  }
  return slots;
}
