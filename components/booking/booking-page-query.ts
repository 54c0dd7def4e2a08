import { type Tracking, trackingFromQuery } from '@/lib/booking/tracking';
import { LOCALE_PARAM } from '@/lib/i18n/locales';
import { localeFromTag } from '@/lib/i18n/negotiate-locale';
import { EMBED_ORIGIN_PARAM } from '@/components/embed/embed-protocol';
import { MAX_LONG_ANSWER_LENGTH, MAX_QUESTION_OPTIONS, MAX_QUESTIONS, QUESTION_ID_PATTERN } from '@/lib/hosts/meeting-types/question-limits';
import type { Prefill } from './booking-form';
import { answerInputName } from './question-answers';

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

/**
 * Answers to prefill: `?q.<question id>=value`, repeated for several choices of one question. Bounded
 * like the questions (20 ids, 30 values each, each cut to the longest answer); the form keeps only
 * what a question could hold.
 */
function answersFromQuery(searchParams: SearchParams): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(searchParams)) {
    const id = key.startsWith('q.') ? key.slice(2) : null;
    if (id === null || !QUESTION_ID_PATTERN.test(id) || raw === undefined) continue;
    if (Object.keys(answers).length >= MAX_QUESTIONS) break;
    answers[id] = (Array.isArray(raw) ? raw : [raw]).slice(0, MAX_QUESTION_OPTIONS).map((value) => Array.from(value).slice(0, MAX_LONG_ANSWER_LENGTH).join(''));
  }
  return answers;
}

export function readBookingPageQuery(searchParams: SearchParams): BookingPageQuery {
  const name = first(searchParams.name)?.trim().slice(0, 255) || undefined;
  const email = first(searchParams.email)?.trim().slice(0, 255) || undefined;
  const tracking = trackingFromQuery(searchParams);
  const answers = answersFromQuery(searchParams);
  const origin = first(searchParams[EMBED_ORIGIN_PARAM]);
  const lang = localeFromTag(first(searchParams[LOCALE_PARAM]));
  const carried = new URLSearchParams({
    ...(origin ? { [EMBED_ORIGIN_PARAM]: origin } : {}),
    ...(lang ? { [LOCALE_PARAM]: lang } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...tracking,
  });
  for (const [id, values] of Object.entries(answers)) for (const value of values) carried.append(answerInputName(id), value);
  const query = carried.toString();
  return { prefill: { name, email, ...(Object.keys(answers).length > 0 ? { answers } : {}) }, tracking, carried: query ? `?${query}` : '' };
}
