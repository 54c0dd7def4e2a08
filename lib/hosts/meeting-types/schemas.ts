import { z } from 'zod';
import { checkbox, multiLineText, singleLineText } from '@/lib/api-fields';
import { isDurationUnit, toMinutes, unitMinutes } from '@/lib/duration-units';
import { type DurationFieldName, durationFields, MAX_CHANGE_NOTICE_MINUTES, MAX_CONTACT_LINE_LENGTH, MAX_NAME_LENGTH, MAX_SEATS_PER_SLOT, MIN_SEATS_PER_SLOT } from './limits';
import { bookingQuestionsFormField } from './booking-questions';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from './slug';

// The meeting type form, as the dashboard sends it (FormData strings) or as a caller passes it (numbers,
// booleans). Field names are the form's, so errors land beside the right input; the result is in the
// model's units: each duration may come with a `<field>Unit` ("12" + "hours" → 720 minutes); without
// one it is in the stored unit. Ranges mirror the table's CHECKs.

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const asNumber = (value: unknown) => (typeof value === 'string' ? Number(value.trim()) : value);

/** Whole numbers only; `unit` names what is counted in the messages ("Use 1440 minutes or less"). */
function number(min: number, max: number, unit?: string) {
  const counted = (n: number) => (unit ? `${n} ${unit}` : String(n));
  return z
    .number({ error: 'Enter a number' })
    .int(unit ? `Use whole ${unit}` : 'Enter a whole number')
    .min(min, `Use ${counted(min)} or more`)
    .max(max, `Use ${counted(max)} or less`);
}

/** A required whole number typed into a form. */
function wholeNumber(min: number, max: number, unit?: string) {
  return z.preprocess((value) => (isBlank(value) ? undefined : asNumber(value)), number(min, max, unit));
}

/** A whole number that may be left empty (null: the default applies). */
function optionalWholeNumber(min: number, max: number, unit?: string) {
  return z.preprocess((value) => (isBlank(value) ? null : asNumber(value)), number(min, max, unit).nullable());
}

/**
 * Each duration typed with a unit becomes a number in its stored unit; the `…Unit` keys are dropped.
 * A value that is not a number is left for the field's own check, an unknown unit for `unitChecks`.
 */
export function inStoredUnits(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const fields: Record<string, unknown> = { ...raw };
  for (const [name, { stored }] of Object.entries(durationFields)) {
    const unit = fields[`${name}Unit`];
    if (unit === undefined) continue;
    // A unit the field does not offer stays, for the shape's `…Unit` check to refuse.
    if (!isDurationUnit(unit) || !(durationFields[name as DurationFieldName].units as readonly string[]).includes(unit)) continue;
    delete fields[`${name}Unit`];
    const amount = asNumber(fields[name]);
    if (isBlank(fields[name]) || typeof amount !== 'number' || !Number.isFinite(amount)) continue;
    // Rounded to 1e-9 so 0.1 hours is 6 minutes, not 6.000000000000001.
    fields[name] = Math.round((toMinutes(amount, unit) / unitMinutes[stored]) * 1e9) / 1e9;
  }
  return fields;
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

/** Only a unit inStoredUnits did not accept is still there: each is refused beside its field. */
const unitChecks = Object.fromEntries(
  Object.entries(durationFields).map(([name, { units }]) => [`${name}Unit`, z.undefined({ error: `Pick ${units.join(', ')}` }).optional()]),
);

export const meetingTypeShape = z.object({
  ...unitChecks,
  name: z.string({ error: 'Enter a name' }).pipe(singleLineText(MAX_NAME_LENGTH)).pipe(z.string().min(1, 'Enter a name')),
  slug: slugField,
  description: optionalText(multiLineText(5_000)),
  durationMinutes: wholeNumber(1, 1440, 'minutes'),
  bufferBeforeMinutes: wholeNumber(0, 1440, 'minutes'),
  bufferAfterMinutes: wholeNumber(0, 1440, 'minutes'),
  minNoticeMinutes: wholeNumber(0, 525_600, 'minutes'),
  maxDaysInFuture: wholeNumber(1, 730, 'days'),
  // Below 5 minutes a day's slots multiply for no one's benefit; empty means every 15 minutes.
  slotIntervalMinutes: optionalWholeNumber(5, 1440, 'minutes'),
  maxBookingsPerDay: optionalWholeNumber(1, 1000),
  location: optionalText(singleLineText(500)),
  // Ask the host's connected calendar for a Meet / Teams link for each booking.
  addVideoLink: checkbox,
  color: colorField,
  isActive: checkbox,
  // Not listed on the host's page; still bookable at its URL and through one-time links.
  isSecret: checkbox,
  minChangeNoticeMinutes: wholeNumber(0, MAX_CHANGE_NOTICE_MINUTES, 'minutes'),
  // How invitees reach the host once online changes are closed.
  contactLine: optionalText(singleLineText(MAX_CONTACT_LINE_LENGTH)),
  // The questions invitees answer when booking (the editor sends them as JSON); absent leaves them as they are.
  bookingQuestions: bookingQuestionsFormField,
  // Whose hours it offers: empty is the host's default schedule (null); left out keeps the current one.
  scheduleId: z.preprocess((value) => (value === undefined ? undefined : isBlank(value) ? null : value), z.string().max(64).nullable().optional()),
  // Each booking is a request the host approves; unanswered, declined after this many hours (empty: at the start).
  requiresConfirmation: checkbox,
  autoDeclineAfterHours: optionalWholeNumber(1, 720, 'hours'),
  // A group event: invitees per start time; empty means one (an ordinary meeting type).
  seatsPerSlot: optionalWholeNumber(MIN_SEATS_PER_SLOT, MAX_SEATS_PER_SLOT, 'seats'),
});

// A group event's seats are booked instantly: a seat held pending would leave its occasion half-decided
// (Cal.com refuses the pair for the same reason). Migration 0026 holds the same rule as a CHECK.
function seatsWithoutApproval(fields: { requiresConfirmation: boolean; seatsPerSlot: number | null }, ctx: z.RefinementCtx) {
  if (fields.requiresConfirmation && fields.seatsPerSlot !== null) {
    ctx.addIssue({ code: 'custom', path: ['seatsPerSlot'], message: 'A group event cannot require confirmation: turn one of them off.' });
  }
}

/** Every editable field of a meeting type, as the create and edit forms send it. */
export const meetingTypeFormSchema = z.preprocess(inStoredUnits, meetingTypeShape.superRefine(seatsWithoutApproval));
export type MeetingTypeInput = z.output<typeof meetingTypeFormSchema>;

/** The host API's body: the same fields, but a field it does not know is refused, not dropped (a typo must show). */
export const meetingTypeApiSchema = z.preprocess(inStoredUnits, meetingTypeShape.strict());

export const updateMeetingTypeFormSchema = z.preprocess(
  inStoredUnits,
  meetingTypeShape
    .extend({ id: z.string().max(64) })
    .superRefine(seatsWithoutApproval)
    .transform(({ id, ...fields }) => ({ id, fields })),
);

export const meetingTypeIdSchema = z.object({ id: z.string().max(64) });

export const setActiveSchema = z.object({ id: z.string().max(64), isActive: checkbox });
