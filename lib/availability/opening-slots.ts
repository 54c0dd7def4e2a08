import 'server-only';
import { AppError } from '@/lib/errors';
import { errorField, log } from '@/lib/log';
import { type AvailabilityDeps, answerAvailability } from './answer-availability';
import { openingDates, type OpeningSlots } from './opening-dates';

/**
 * The booking page's opening slots, from the availability service and its caches. The query depends
 * only on the UTC date, so every page view of a day shares one reply-cache entry. Null when they cannot
 * be had: the page still renders, and the browser asks the API as for any other month.
 */
export async function answerOpeningSlots(deps: AvailabilityDeps, meetingTypeId: string, now: number): Promise<OpeningSlots | null> {
  const dates = openingDates(now);
  const search = new URLSearchParams({ meetingTypeId, ...dates, timezone: 'UTC' }).toString();
  try {
    const { shown } = await answerAvailability(deps, search, now);
    return { ...dates, slots: shown.toTuples() };
  } catch (error) {
    // A meeting type switched off since the page read it is expected; anything else is worth a line.
    if (!(error instanceof AppError)) log().warn({ component: 'availability', err: errorField(error) }, 'the booking page renders without its opening slots');
    return null;
  }
}
