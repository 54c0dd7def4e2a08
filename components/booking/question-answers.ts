import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';

// The booking form's answers, both ways: what a `?q.<id>=` prefill puts in each control, and what the
// form's controls (named `q.<id>`) send to the API. Pure, so it is tested without a browser.

/** The form control's name for a question (and the prefill parameter's: `?q.<id>=`). */
export const answerInputName = (questionId: string) => `q.${questionId}`;

export interface InitialAnswer {
  text: string | undefined;
  choices: string[];
  ticked: boolean;
}

const TICKED = new Set(['true', '1', 'yes', 'on']);
const canonical = (value: string) => value.normalize('NFC').trim();

/** A prefill only fills what the question could hold: an option that is not one is ignored. */
export function prefilledAnswer(question: BookingQuestion, values: readonly string[] | undefined): InitialAnswer {
  const given = (values ?? []).map(canonical).filter((value) => value !== '');
  const first = given[0];
  const none: InitialAnswer = { text: undefined, choices: [], ticked: false };
  switch (question.type) {
    case 'single_choice':
      return { ...none, text: first !== undefined && question.options.includes(first) ? first : undefined };
    case 'multiple_choice':
      return { ...none, choices: question.options.filter((option) => given.includes(option)) };
    case 'checkbox':
      return { ...none, ticked: first !== undefined && TICKED.has(first.toLowerCase()) };
    default:
      return { ...none, text: first };
  }
}

/** The answers the form's controls hold, by question id; empty ones are left out (the API knows them as unanswered). */
export function answersFromForm(questions: readonly BookingQuestion[], data: FormData): Record<string, string | string[] | boolean> {
  const answers: Record<string, string | string[] | boolean> = {};
  for (const question of questions) {
    const name = answerInputName(question.id);
    if (question.type === 'checkbox') answers[question.id] = data.get(name) !== null;
    else if (question.type === 'multiple_choice') {
      const chosen = data.getAll(name).map(String);
      if (chosen.length > 0) answers[question.id] = chosen;
    } else {
      const value = String(data.get(name) ?? '').trim();
      if (value !== '') answers[question.id] = value;
    }
  }
  return answers;
}
