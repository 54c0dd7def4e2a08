import { z } from 'zod';
import { type TrackingParameter, trackingParameters } from '@/db/schema/bookings';
import { singleLineText } from '@/lib/api-fields';

// utm_* parameters a booking page (or an embed) was opened with, stored on the booking for the host's
// reports. Only the five known keys, each one bounded line of safe text; empty values are dropped.

export type Tracking = Partial<Record<TrackingParameter, string>>;

const MAX_VALUE_LENGTH = 200;

const trackingShape = Object.fromEntries(trackingParameters.map((key) => [key, singleLineText(MAX_VALUE_LENGTH).optional()])) as Record<
  TrackingParameter,
  z.ZodOptional<ReturnType<typeof singleLineText>>
>;

/** The request field: unknown keys are refused (400), empty values dropped; nothing left → undefined. */
export const trackingField = z.strictObject(trackingShape).transform((values): Tracking | undefined => {
  const kept = Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
  return kept.length > 0 ? (Object.fromEntries(kept) as Tracking) : undefined;
});

/**
 * The tracking parameters of a page's query string: the known keys only, cut to the stored length and
 * kept only when they would pass `trackingField`, so a page never sends what the API would refuse.
 */
export function trackingFromQuery(query: Record<string, string | string[] | undefined>): Tracking {
  const tracking: Tracking = {};
  for (const key of trackingParameters) {
    const raw = query[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_VALUE_LENGTH);
    if (value && singleLineText(MAX_VALUE_LENGTH).safeParse(value).success) tracking[key] = value;
  }
  return tracking;
}
