import type { BookingAnswer } from '@/db/schema/bookings';

// A booking's answers as text, for every place that shows them (the dashboard, emails, calendar
// events, the invitee's confirmation): the label as asked, then the answer. Plain data only, so the
// browser can use it too; the words for a checkbox come in the reader's language.

/** What showing an answer needs (the browser's copy of a booking types `type` loosely). */
type ShownAnswer = Pick<BookingAnswer, 'label' | 'value'>;

export interface AnswerWords {
  yes: string;
  no: string;
}

export const englishAnswerWords: AnswerWords = { yes: 'Yes', no: 'No' };

/** One answer's value as a person reads it: options joined by commas, a tick as yes or no. */
export function answerValueText(answer: ShownAnswer, words: AnswerWords = englishAnswerWords): string {
  const { value } = answer;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The answers as `{ label, text }` pairs, in the order they were asked. */
export function answerItems(answers: readonly ShownAnswer[] | null | undefined, words: AnswerWords = englishAnswerWords): { label: string; text: string }[] {
  return (answers ?? []).map((answer) => ({ label: answer.label, text: answerValueText(answer, words) }));
}

/** The answers as plain-text lines ("Company: Acme"); a long answer keeps its own lines under its label. */
export function answerLines(answers: readonly ShownAnswer[] | null | undefined, words: AnswerWords = englishAnswerWords): string[] {
  return answerItems(answers, words).map(({ label, text }) => (text.includes('\n') ? `${label}:\n${text}` : `${label}: ${text}`));
}
