import { z } from 'zod';
import { timeZoneSchema } from '@/lib/scheduling';

// Field schemas shared by every boundary (public API, dashboard actions): each value is validated and
// put in its one canonical form here, so nothing downstream sees two spellings of the same thing.

/** An IANA zone in any letter case, stored and echoed under its canonical name. */
export const timeZoneField = z.string().max(64).pipe(timeZoneSchema);

// Calendars have no business outside these years, and time zone rules are only meaningful inside them.
const EARLIEST = '1970-01-01';
const LATEST = '2199-12-31';

/** A calendar date "YYYY-MM-DD" within the supported years. */
export const calendarDateField = z.iso
  .date()
  .refine((date) => date >= EARLIEST && date <= LATEST, `Dates must lie between ${EARLIEST} and ${LATEST}`);

/** An instant with an explicit offset ("Z" or "+02:00"), normalised to epoch ms. */
export const instantField = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .refine((ms) => ms >= Date.parse(`${EARLIEST}T00:00:00Z`) && ms <= Date.parse(`${LATEST}T23:59:59Z`), {
    message: `Times must lie between ${EARLIEST} and ${LATEST}`,
  });

// C0 controls, DEL and C1 controls, bidi overrides and isolates (they can make text read backwards in
// an email or the dashboard), and lone surrogates (not text at all). Postgres refuses NUL outright.
const UNSAFE_ANYWHERE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0 = /[\u0000-\u001f]/;

/** Whether typed text holds characters no field accepts; `multi` lines may hold tabs and newlines. */
export function hasUnsafeCharacters(text: string, lines: 'single' | 'multi'): boolean {
  return (lines === 'single' ? C0 : C0_EXCEPT_TAB_AND_NEWLINE).test(text) || UNSAFE_ANYWHERE.test(text);
}

/** One line of text a person typed (a name, a reason): trimmed, no control or bidi characters. */
export function singleLineText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .refine((text) => !hasUnsafeCharacters(text, 'single'), 'Must not contain control or bidirectional-override characters');
}

/** Free text over several lines (notes): tabs and newlines allowed (CRLF becomes LF), other controls not. */
export function multiLineText(maxLength: number) {
  return z
    .string()
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(maxLength)
        .refine(
          (text) => !hasUnsafeCharacters(text, 'multi'),
          'Must not contain control characters other than tab and newline, nor bidirectional-override characters',
        ),
    );
}

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, random strings). */
export const idempotencyKeyField = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be 1–255 printable ASCII characters');

/** A form checkbox: "on" when ticked, absent when not; callers may pass a boolean. */
export const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());
