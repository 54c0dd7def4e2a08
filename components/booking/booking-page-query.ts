import { type Tracking, trackingFromQuery } from '@/lib/booking/tracking';
import { LOCALE_PARAM } from '@/lib/i18n/locales';
import { localeFromTag } from '@/lib/i18n/negotiate-locale';
import { EMBED_ORIGIN_PARAM } from '@/components/embed/embed-protocol';
import type { Prefill } from './booking-form';

// What a booking page (public or /embed/…) reads from its query string, server side: name and email to
// prefill, utm_* to store with the booking, and in an embed the embedding page's origin (for messages).
// A `lang` choice is carried too: a third-party frame keeps no cookie. Unknown parameters are ignored.

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface BookingPageQuery {
  prefill: Prefill;
  tracking: Tracking;
  /** The same parameters again, for links to another booking page ("?…" or ""). */
  carried: string;
}

export function readBookingPageQuery(searchParams: SearchParams): BookingPageQuery {
  const name = first(searchParams.name)?.trim().slice(0, 255) || undefined;
  const email = first(searchParams.email)?.trim().slice(0, 255) || undefined;
  const tracking = trackingFromQuery(searchParams);
  const origin = first(searchParams[EMBED_ORIGIN_PARAM]);
  const lang = localeFromTag(first(searchParams[LOCALE_PARAM]));
  const carried = new URLSearchParams({
    ...(origin ? { [EMBED_ORIGIN_PARAM]: origin } : {}),
    ...(lang ? { [LOCALE_PARAM]: lang } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...tracking,
  }).toString();
  return { prefill: { name, email }, tracking, carried: carried ? `?${carried}` : '' };
}
