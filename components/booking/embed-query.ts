import { type Tracking, trackingFromQuery } from '@/lib/booking/tracking';
import type { Prefill } from './booking-form';
import { EMBED_ORIGIN_PARAM } from './embed-protocol';

// What an /embed/… page reads from its query string (server side): the embedding page's origin (for
// messages), name and email to prefill, utm_* to store with the booking. Unknown parameters are ignored.

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface EmbedQuery {
  prefill: Prefill;
  tracking: Tracking;
  /** The same parameters again, for links to another /embed/… page ("?…" or ""). */
  carried: string;
}

export function readEmbedQuery(searchParams: SearchParams): EmbedQuery {
  const name = first(searchParams.name)?.trim().slice(0, 255) || undefined;
  const email = first(searchParams.email)?.trim().slice(0, 255) || undefined;
  const tracking = trackingFromQuery(searchParams);
  const origin = first(searchParams[EMBED_ORIGIN_PARAM]);
  const carried = new URLSearchParams({
    ...(origin ? { [EMBED_ORIGIN_PARAM]: origin } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...tracking,
  }).toString();
  return { prefill: { name, email }, tracking, carried: carried ? `?${carried}` : '' };
}
