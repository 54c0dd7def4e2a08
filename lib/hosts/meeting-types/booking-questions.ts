import { z } from 'zod';
import { singleLineText } from '@/lib/api-fields';
import {
  MAX_OPTION_LENGTH,
  MAX_QUESTION_HELP_LENGTH,
  MAX_QUESTION_LABEL_LENGTH,
  MAX_QUESTION_OPTIONS,
  MAX_QUESTIONS,
  QUESTION_ID_PATTERN,
} from './question-limits';

// The questions a meeting type asks invitees (meeting_types.booking_questions): one schema for the
// dashboard's editor, any other writer and every read. Texts are trimmed and NFC-normalised, so an
// answer compares with an option by code points. A question without an id gets one on write; ids
// stay stable across edits, so a prefill link (`?q.<id>=`) keeps working.

const nfc = (text: string) => text.normalize('NFC');
const text = (max: number) => singleLineText(max).transform(nfc);
const optionalText = (max: number) =>
  z.preprocess((value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value), text(max).optional());

const common = {
  id: z.string().regex(QUESTION_ID_PATTERN, 'Use lower-case letters, digits, _ and - (at most 40)').optional(),
  label: text(MAX_QUESTION_LABEL_LENGTH).pipe(z.string().min(1, 'Enter the question')),
  help: optionalText(MAX_QUESTION_HELP_LENGTH),
  required: z.boolean().default(false),
};

const options = z
  .array(text(MAX_OPTION_LENGTH).pipe(z.string().min(1, 'Enter the option or remove it')))
  .min(2, 'Give at least two options')
  .max(MAX_QUESTION_OPTIONS, `Use at most ${MAX_QUESTION_OPTIONS} options`)
  .refine((all) => new Set(all).size === all.length, 'Each option must be different');

const finite = z.number({ error: 'Enter a number' }).refine(Number.isFinite, 'Enter a number').optional();

const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.enum(['short_text', 'long_text', 'phone', 'checkbox']) }),
  z.strictObject({ ...common, type: z.literal('single_choice'), options, display: z.enum(['radio', 'select']).default('radio') }),
  z.strictObject({ ...common, type: z.literal('multiple_choice'), options }),
  z
    .strictObject({ ...common, type: z.literal('number'), min: finite, max: finite })
    .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, { message: 'The smallest number must not be above the largest', path: ['max'] }),
]);

const newQuestionId = () => `q${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`;

/** The list as written: at most 20, each with an id (a missing one is made), no id twice. */
export const bookingQuestionsSchema = z
  .array(questionSchema)
  .max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions`)
  .transform((questions) => questions.map((question) => ({ ...question, id: question.id ?? newQuestionId() })))
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.id)) context.addIssue({ code: 'custom', message: 'Two questions have the same id', path: [index, 'id'] });
      seen.add(question.id);
    });
  });

export type BookingQuestion = z.output<typeof bookingQuestionsSchema>[number];

/** The dashboard form sends the list as one JSON field; absent means "leave the questions as they are". */
export const bookingQuestionsFormField = z
  .preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, bookingQuestionsSchema)
  .optional();

/**
 * A meeting type's stored questions, checked again on the way out: what reaches a booking page or the
 * answer check has the shape this file promises, whatever wrote the row.
 */
export function storedBookingQuestions(raw: unknown): BookingQuestion[] {
  const parsed = bookingQuestionsSchema.safeParse(raw ?? []);
  if (!parsed.success) throw new Error(`stored booking questions are malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}
