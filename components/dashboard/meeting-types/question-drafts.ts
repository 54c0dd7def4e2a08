import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';

type BookingQuestionType = BookingQuestion['type'];

// The question editor's working copy: every field as the inputs hold it (text), whatever the type, so
// switching a question's type keeps what was typed. The server parses the JSON this makes with the one
// question schema; its errors come back under `bookingQuestions.<index>.<field>`.

export interface QuestionDraft {
  /** React's key for the row, stable across moves. */
  key: string;
  /** The stored id; absent on a new question (the server makes one). */
  id: string | undefined;
  type: BookingQuestionType;
  label: string;
  help: string;
  required: boolean;
  /** One option per line (choice types). */
  options: string;
  display: 'radio' | 'select';
  min: string;
  max: string;
}

/** Every type, named for the host (a Record, so a new type cannot be forgotten here). */
export const questionTypeLabels: Record<BookingQuestionType, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  checkbox: 'Checkbox',
  phone: 'Phone number',
  number: 'Number',
};

let counter = 0;
const nextKey = () => `draft-${++counter}`;

export function draftOf(question: BookingQuestion): QuestionDraft {
  return {
    key: nextKey(),
    id: question.id,
    type: question.type,
    label: question.label,
    help: question.help ?? '',
    required: question.required,
    options: 'options' in question ? question.options.join('\n') : '',
    display: question.type === 'single_choice' ? question.display : 'radio',
    min: question.type === 'number' && question.min !== undefined ? String(question.min) : '',
    max: question.type === 'number' && question.max !== undefined ? String(question.max) : '',
  };
}

export function newDraft(): QuestionDraft {
  return { key: nextKey(), id: undefined, type: 'short_text', label: '', help: '', required: false, options: '', display: 'radio', min: '', max: '' };
}

/** A typed number, or the text itself when it is not one (so the server names the field). */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** The question as the server's schema reads it: only the fields its type has. */
export function questionOf(draft: QuestionDraft): Record<string, unknown> {
  const base = { ...(draft.id ? { id: draft.id } : {}), type: draft.type, label: draft.label, required: draft.required, ...(draft.help.trim() ? { help: draft.help } : {}) };
  const options = draft.options.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (draft.type === 'single_choice') return { ...base, options, display: draft.display };
  if (draft.type === 'multiple_choice') return { ...base, options };
  if (draft.type === 'number') return { ...base, min: numberOrText(draft.min), max: numberOrText(draft.max) };
  return base;
}

/** The list with the item at `index` moved by `by` places (nothing moves past either end). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export const questionTypes = Object.keys(questionTypeLabels) as BookingQuestionType[];
