import type { BookingAnswer } from '@/db/schema/bookings';
import { hasUnsafeCharacters } from '@/lib/api-fields';
import { AppError } from '@/lib/errors';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import { MAX_LONG_ANSWER_LENGTH, MAX_PHONE_LENGTH, MAX_SHORT_ANSWER_LENGTH } from '@/lib/hosts/meeting-types/question-limits';

// An invitee's answers, checked against the questions stored on the meeting type: pure, no I/O. Each
// answer is put in its canonical form (trimmed, NFC, options in the host's order) and stored with the
// question's label and type as asked. Every problem is reported beside its question, with a reason
// code the booking page translates and the limit it broke.

/** What a request may carry per question id: text, a list of options, a tick, a number. */
export type RawAnswers = Record<string, unknown>;

export type AnswerProblemReason =
  | 'unknown_question'
  | 'required'
  | 'wrong_type'
  | 'control_characters'
  | 'too_long'
  | 'invalid_phone'
  | 'not_an_option'
  | 'too_many_choices'
  | 'too_small'
  | 'too_large';

export interface AnswerProblem {
  reason: AnswerProblemReason;
  message: string;
  limit?: number;
}

export type AnswerCheck = { ok: true; answers: BookingAnswer[] | null } | { ok: false; problems: Record<string, AnswerProblem> };

type Value = BookingAnswer['value'];
type Verdict = { value: Value | null } | { problem: AnswerProblem };

const problem = (reason: AnswerProblemReason, message: string, limit?: number): Verdict => ({ problem: { reason, message, ...(limit === undefined ? {} : { limit }) } });
const NUMBER_PATTERN = /^-?\d{1,15}(\.\d{1,15})?$/;
const PHONE_PATTERN = /^\+?[\d\s().-]+$/;

function canonicalText(raw: string, lines: 'single' | 'multi'): string {
  const text = lines === 'multi' ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.normalize('NFC').trim();
}

function checkText(raw: unknown, lines: 'single' | 'multi', max: number): Verdict {
  if (typeof raw !== 'string') return problem('wrong_type', 'Answer with text.');
  const text = canonicalText(raw, lines);
  if (hasUnsafeCharacters(text, lines)) return problem('control_characters', 'Remove control and text-direction characters.');
  if (text.length > max) return problem('too_long', `Use at most ${max} characters.`, max);
  return { value: text === '' ? null : text };
}

function checkPhone(raw: unknown): Verdict {
  const verdict = checkText(raw, 'single', MAX_PHONE_LENGTH);
  if ('problem' in verdict || verdict.value === null) return verdict;
  const text = verdict.value as string;
  const digits = text.replace(/\D/g, '').length;
  if (!PHONE_PATTERN.test(text) || digits < 5 || digits > 15) return problem('invalid_phone', 'Enter a phone number: digits, spaces and + ( ) - . only.');
  return verdict;
}

function checkChoice(raw: unknown, options: readonly string[]): Verdict {
  if (typeof raw !== 'string') return problem('wrong_type', 'Pick one option.');
  const choice = canonicalText(raw, 'single');
  if (choice === '') return { value: null };
  return options.includes(choice) ? { value: choice } : problem('not_an_option', 'Pick one of the options.');
}

function checkChoices(raw: unknown, options: readonly string[]): Verdict {
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string')) return problem('wrong_type', 'Pick options from the list.');
  const chosen = new Set(raw.map((item: string) => canonicalText(item, 'single')).filter((item) => item !== ''));
  if (raw.length > options.length) return problem('too_many_choices', `Pick at most ${options.length} options, each once.`, options.length);
  if ([...chosen].some((item) => !options.includes(item))) return problem('not_an_option', 'Pick only options from the list.');
  // The host's order, whatever order they were ticked in.
  const value = options.filter((option) => chosen.has(option));
  return { value: value.length === 0 ? null : value };
}

function checkNumber(raw: unknown, question: { min?: number | undefined; max?: number | undefined }): Verdict {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && raw.trim() === '') return { value: null };
  else if (typeof raw === 'string' && NUMBER_PATTERN.test(raw.trim())) value = Number(raw.trim());
  else return problem('wrong_type', 'Enter a number.');
  if (!Number.isFinite(value)) return problem('wrong_type', 'Enter a number.');
  if (question.min !== undefined && value < question.min) return problem('too_small', `Use ${question.min} or more.`, question.min);
  if (question.max !== undefined && value > question.max) return problem('too_large', `Use ${question.max} or less.`, question.max);
  return { value };
}

function checkOne(question: BookingQuestion, raw: unknown): Verdict {
  switch (question.type) {
    case 'short_text':
      return checkText(raw, 'single', MAX_SHORT_ANSWER_LENGTH);
    case 'long_text':
      return checkText(raw, 'multi', MAX_LONG_ANSWER_LENGTH);
    case 'phone':
      return checkPhone(raw);
    case 'single_choice':
      return checkChoice(raw, question.options);
    case 'multiple_choice':
      return checkChoices(raw, question.options);
    case 'number':
      return checkNumber(raw, question);
    case 'checkbox':
      // Unticked is an answer too (stored as false); only a required box must be ticked.
      return typeof raw === 'boolean' ? { value: raw } : problem('wrong_type', 'Answer with true or false.');
  }
}

/** Checks every answer against the questions; the answers to store (null when nothing was asked) or each problem by question id. */
export function checkAnswers(questions: readonly BookingQuestion[], raw: RawAnswers = {}): AnswerCheck {
  const problems: Record<string, AnswerProblem> = {};
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(raw)) {
    if (!known.has(id)) problems[id] = { reason: 'unknown_question', message: 'This meeting type asks no such question.' };
  }
  const answers: BookingAnswer[] = [];
  for (const question of questions) {
    const given = raw[question.id];
    const absent = given === undefined || given === null;
    const verdict = absent ? { value: question.type === 'checkbox' ? false : null } : checkOne(question, given);
    if ('problem' in verdict) {
      problems[question.id] = verdict.problem;
      continue;
    }
    const unanswered = verdict.value === null || (question.type === 'checkbox' && verdict.value === false);
    if (question.required && unanswered) {
      problems[question.id] = { reason: 'required', message: question.type === 'checkbox' ? 'Tick this box to continue.' : 'Answer this question.' };
      continue;
    }
    if (verdict.value !== null) answers.push({ questionId: question.id, label: question.label, type: question.type, value: verdict.value });
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, answers: questions.length === 0 ? null : answers };
}

/** The field name a problem is reported under, beside the other booking fields. */
export const answerField = (questionId: string) => `answers.${questionId}`;

/** The answers to store, or 422 with `details.fieldErrors["answers.<id>"]` and `details.fieldReasons` (reason and limit, for translation). */
export function validAnswers(questions: readonly BookingQuestion[], raw: RawAnswers | undefined): BookingAnswer[] | null {
  const check = checkAnswers(questions, raw);
  if (check.ok) return check.answers;
  const entries = Object.entries(check.problems);
  const fieldErrors = Object.fromEntries(entries.map(([id, { message }]) => [answerField(id), message]));
  const fieldReasons = Object.fromEntries(entries.map(([id, { reason, limit }]) => [answerField(id), limit === undefined ? { reason } : { reason, limit }]));
  throw new AppError('unprocessable', 'Please check your answers to the questions.', { details: { fieldErrors, fieldReasons } });
}
