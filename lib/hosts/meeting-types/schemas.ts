import { z } from 'zod';
import { checkbox, multiLineText, singleLineText } from '@/lib/api-fields';
import { MAX_CHANGE_NOTICE_HOURS, MAX_NAME_LENGTH } from './limits';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from './slug';

// The meeting type form, as the dashboard sends it (FormData strings) or as a caller passes it (numbers,
// booleans). Field names are the form's, so errors land beside the right input; the result is in the
// model's units (the cut-off is typed in hours, stored in minutes). Ranges mirror the table's CHECKs.

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const asNumber = (value: unknown) => (typeof value === 'string' ? Number(value.trim()) : value);

function number(min: number, max: number, options: { whole?: boolean } = {}) {
  const base = z.number({ error: 'Enter a number' });
  const checked = options.whole === false ? base : base.int('Enter a whole number');
  return checked.min(min, `Use ${min} or more`).max(max, `Use ${max} or less`);
}

/** A required whole number typed into a form. */
function wholeNumber(min: number, max: number) {
  return z.preprocess((value) => (isBlank(value) ? undefined : asNumber(value)), number(min, max));
}

/** A whole number that may be left empty (null: the default applies). */
function optionalWholeNumber(min: number, max: number) {
  return z.preprocess((value) => (isBlank(value) ? null : asNumber(value)), number(min, max).nullable());
}

/** Optional text: empty means none (null). */
function optionalText(field: z.ZodType<string, string>) {
  return z.preprocess((value) => (isBlank(value) ? null : value), field.nullable());
}


export const slugField = z
  .string({ error: 'Enter a URL slug' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter a URL slug')
  .max(MAX_SLUG_LENGTH, `Use at most ${MAX_SLUG_LENGTH} characters`)
  .regex(SLUG_PATTERN, 'Use letters a–z, digits and single hyphens between them');

export const colorField = z
  .string({ error: 'Pick a colour' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3B82F6')
  .transform((color) => color.toUpperCase());

export const meetingTypeFields = z.object({
  name: z.string({ error: 'Enter a name' }).pipe(singleLineText(MAX_NAME_LENGTH)).pipe(z.string().min(1, 'Enter a name')),
  slug: slugField,
  description: optionalText(multiLineText(5_000)),
  durationMinutes: wholeNumber(1, 1440),
  bufferBeforeMinutes: wholeNumber(0, 1440),
  bufferAfterMinutes: wholeNumber(0, 1440),
  minNoticeMinutes: wholeNumber(0, 525_600),
  maxDaysInFuture: wholeNumber(1, 730),
  // Below 5 minutes a day's slots multiply for no one's benefit; empty means every 15 minutes.
  slotIntervalMinutes: optionalWholeNumber(5, 1440),
  maxBookingsPerDay: optionalWholeNumber(1, 1000),
  location: optionalText(singleLineText(500)),
  // Ask the host's connected calendar for a Meet / Teams link for each booking.
  addVideoLink: checkbox,
  color: colorField,
  isActive: checkbox,
  minChangeNoticeHours: z.preprocess((value) => (isBlank(value) ? undefined : asNumber(value)), number(0, MAX_CHANGE_NOTICE_HOURS, { whole: false })),
});

type MeetingTypeFields = z.infer<typeof meetingTypeFields>;

function toModel({ minChangeNoticeHours, ...fields }: MeetingTypeFields) {
  return { ...fields, minChangeNoticeMinutes: Math.round(minChangeNoticeHours * 60) };
}

/** Every editable field of a meeting type, as the create and edit forms send it. */
export const meetingTypeFormSchema = meetingTypeFields.transform(toModel);
export type MeetingTypeInput = z.output<typeof meetingTypeFormSchema>;

export const updateMeetingTypeFormSchema = meetingTypeFields
  .extend({ id: z.string().max(64) })
  .transform(({ id, ...fields }) => ({ id, fields: toModel(fields) }));

export const meetingTypeIdSchema = z.object({ id: z.string().max(64) });

export const setActiveSchema = z.object({ id: z.string().max(64), isActive: checkbox });
