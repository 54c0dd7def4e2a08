import { useCallback, useEffect, useMemo, useState } from 'react';
import { type AvailabilityQuery, fetchAvailability, type Slot } from './api-client';
import { answerFromOpening, type OpeningSlots } from './opening-slots';
import { useErrorText } from './use-error-text';

export type AvailabilityState =
  { status: 'idle' | 'loading'; slots: Slot[] } | { status: 'ready'; slots: Slot[] } | { status: 'error'; slots: Slot[]; message: string };

type Settled = { key: string; slots: Slot[]; message?: string };

/**
 * Open slots for one query (null: nothing to ask yet). Each new query or `refresh()` fetches again,
 * and an answer for an older query is dropped, so a fast click through months never shows stale times.
 * A query the page's opening slots answer needs no request, until a refresh or a new revision.
 */
export function useAvailability(
  query: AvailabilityQuery | null,
  /** Bump to fetch again (e.g. after a booking attempt found a slot taken). */
  revision = 0,
  opening: OpeningSlots | null = null,
): AvailabilityState & { refresh: () => void } {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = query ? `${query.meetingTypeId}|${query.start}|${query.end}|${query.timezone}|${revision}.${generation}` : null;
  const rescheduleToken = query?.rescheduleToken;
  const hostBookingId = query?.hostBookingId;
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const { describe } = useErrorText();

  const { meetingTypeId = '', start = '', end = '', timezone = '' } = query ?? {};
  const firstAsk = key !== null && revision === 0 && generation === 0;
  const fromPage = useMemo(
    () => (firstAsk ? answerFromOpening(opening, { meetingTypeId, start, end, timezone, rescheduleToken }) : null),
    [firstAsk, opening, meetingTypeId, start, end, timezone, rescheduleToken],
  );
  const answeredByPage = fromPage !== null;
  useEffect(() => {
    if (key === null || answeredByPage) return;
    const controller = new AbortController();
    fetchAvailability({ meetingTypeId, start, end, timezone, rescheduleToken, hostBookingId }, controller.signal)
      .then((result) => {
        if (result.ok) setSettled({ key, slots: result.data.slots });
        else setSettled({ key, slots: [], message: describe(result) });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, slots: [], message: String(error) });
      });
    return () => controller.abort();
  }, [key, answeredByPage, meetingTypeId, start, end, timezone, rescheduleToken, hostBookingId, describe]);

  if (key === null) return { status: 'idle', slots: [], refresh };
  if (fromPage !== null) return { status: 'ready', slots: fromPage, refresh };
  if (settled?.key !== key) return { status: 'loading', slots: [], refresh };
  if (settled.message !== undefined) return { status: 'error', slots: [], message: settled.message, refresh };
  return { status: 'ready', slots: settled.slots, refresh };
}
