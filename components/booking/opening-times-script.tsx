import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { defaultLocale, intlLocale, isLocale } from '@/lib/i18n/locales';
import { OPENING_TIMES_ID, type OpeningTimesData, PENDING_PICK_KEY, fillOpeningTimes } from './opening-times-fill';
import type { OpeningSlots } from './opening-slots';
import seatsStyles from './seats-left.module.css';
import styles from './slot-picker.module.css';

// A local day is at most 25 hours long: every slot on the first slot's day, in any zone, starts
// within this long after it.
const FIRST_DAY_SPAN_MS = 26 * 60 * 60 * 1000;

/** JSON that cannot end the script element it sits in. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The inline script that draws the first day's times into the picker's empty box as the HTML parses
 * (opening-times-fill.ts). Placed after the booking flow, so the box exists when it runs; it carries the
 * request's CSP nonce (proxy.ts). Nothing per-invitee is in it: the slots, the language's labels, class names.
 */
export async function OpeningTimesScript({ openingSlots }: { openingSlots: OpeningSlots | null }) {
  const first = openingSlots?.slots[0];
  if (!openingSlots || !first) return null;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await getLocale();
  const pick = await getTranslations('invitee.pick');
  const seats = await getTranslations('seats');
  const slots = openingSlots.slots
    .filter(([start]) => start < first[0] + FIRST_DAY_SPAN_MS)
    .map(([start, , seatsLeft]): OpeningTimesData['slots'][number] =>
      seatsLeft === undefined ? [start] : [start, seats('bookTime', { time: '{time}', count: seatsLeft }), seats('seatsLeft', { count: seatsLeft })],
    );
  const data: OpeningTimesData = {
    id: OPENING_TIMES_ID,
    locale: intlLocale(isLocale(locale) ? locale : defaultLocale),
    listLabel: pick('openTimesOn', { day: '{day}' }),
    bookLabel: pick('bookTime', { time: '{time}' }),
    slots,
    classes: { times: styles.times!, title: styles.timesTitle!, list: styles.timeList!, time: styles.time!, seats: seatsStyles.seatsLeft! },
    pendingKey: PENDING_PICK_KEY,
  };
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${fillOpeningTimes.toString()})(${scriptSafeJson(data)})` }} />;
}
