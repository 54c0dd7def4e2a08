import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BookingQuestion, bookingQuestionsSchema } from '@/lib/hosts/meeting-types/booking-questions';
import { MAX_LONG_ANSWER_LENGTH, MAX_SHORT_ANSWER_LENGTH } from '@/lib/hosts/meeting-types/question-limits';
import { checkAnswers, validAnswers } from './answers';
import { hasUnsafeCharacters } from '@/lib/api-fields';
import { AppError } from '@/lib/errors';

const questions: BookingQuestion[] = bookingQuestionsSchema.parse([
  { id: 'company', type: 'short_text', label: 'Company', required: true },
  { id: 'agenda', type: 'long_text', label: 'Agenda' },
  { id: 'size', type: 'single_choice', label: 'Team size', options: ['1–10', '11–50', '51+'], display: 'select' },
  { id: 'topics', type: 'multiple_choice', label: 'Topics', options: ['Pricing', 'Integrations', 'Security'] },
  { id: 'terms', type: 'checkbox', label: 'I agree to the terms', required: true },
  { id: 'phone', type: 'phone', label: 'Phone' },
  { id: 'seats', type: 'number', label: 'Seats', min: 1, max: 500 },
]);
const valid = { company: 'Acme', terms: true };

function problemsOf(raw: Record<string, unknown>) {
  const check = checkAnswers(questions, raw);
  return check.ok ? {} : Object.fromEntries(Object.entries(check.problems).map(([id, problem]) => [id, problem.reason]));
}

describe('checking answers against the stored questions', () => {
  it('stores each answer with its label and type as asked, in the questions’ order, canonicalised', () => {
    const check = checkAnswers(questions, {
      topics: ['Security', 'Pricing'],
      company: '  Cafe\u0301  ',
      agenda: 'line one\r\nline two ',
      seats: '12',
      phone: '+44 20 7946 0000',
      terms: true,
      size: '11–50',
    });
    expect(check).toEqual({
      ok: true,
      answers: [
        { questionId: 'company', label: 'Company', type: 'short_text', value: 'Café' },
        { questionId: 'agenda', label: 'Agenda', type: 'long_text', value: 'line one\nline two' },
        { questionId: 'size', label: 'Team size', type: 'single_choice', value: '11–50' },
        { questionId: 'topics', label: 'Topics', type: 'multiple_choice', value: ['Pricing', 'Security'] },
        { questionId: 'terms', label: 'I agree to the terms', type: 'checkbox', value: true },
        { questionId: 'phone', label: 'Phone', type: 'phone', value: '+44 20 7946 0000' },
        { questionId: 'seats', label: 'Seats', type: 'number', value: 12 },
      ],
    });
  });

  it('keeps an unticked optional box as false and leaves unanswered questions out', () => {
    const optionalBox = bookingQuestionsSchema.parse([{ id: 'news', type: 'checkbox', label: 'Newsletter' }, { id: 'note', type: 'short_text', label: 'Note' }]);
    expect(checkAnswers(optionalBox, { note: '   ' })).toEqual({ ok: true, answers: [{ questionId: 'news', label: 'Newsletter', type: 'checkbox', value: false }] });
  });

  it('stores nothing (null) when the meeting type asks nothing', () => {
    expect(checkAnswers([], {})).toEqual({ ok: true, answers: null });
    expect(checkAnswers([], undefined)).toEqual({ ok: true, answers: null });
  });

  it.each([
    ['an unknown question id', { ...valid, nope: 'x' }, { nope: 'unknown_question' }],
    ['a missing required answer', { terms: true }, { company: 'required' }],
    ['a required box left unticked', { company: 'Acme', terms: false }, { terms: 'required' }],
    ['text that is too long', { ...valid, company: 'x'.repeat(MAX_SHORT_ANSWER_LENGTH + 1) }, { company: 'too_long' }],
    ['a long answer that is too long', { ...valid, agenda: 'x'.repeat(MAX_LONG_ANSWER_LENGTH + 1) }, { agenda: 'too_long' }],
    ['a number where text belongs', { ...valid, company: 42 }, { company: 'wrong_type' }],
    ['text where a tick belongs', { ...valid, terms: 'yes' }, { terms: 'wrong_type' }],
    ['a control character', { ...valid, company: 'Ac\u0007me' }, { company: 'control_characters' }],
    ['a bidi override', { ...valid, agenda: 'abc\u202edef' }, { agenda: 'control_characters' }],
    ['a newline in one line of text', { ...valid, company: 'Ac\nme' }, { company: 'control_characters' }],
    ['a choice that is not an option', { ...valid, size: '1000+' }, { size: 'not_an_option' }],
    ['a list where one choice belongs', { ...valid, size: ['1–10'] }, { size: 'wrong_type' }],
    ['more choices than options', { ...valid, topics: ['Pricing', 'Pricing', 'Security', 'Integrations'] }, { topics: 'too_many_choices' }],
    ['a choice among many that is not an option', { ...valid, topics: ['Pricing', 'Golf'] }, { topics: 'not_an_option' }],
    ['letters in a phone number', { ...valid, phone: 'call me' }, { phone: 'invalid_phone' }],
    ['a number below the minimum', { ...valid, seats: 0 }, { seats: 'too_small' }],
    ['a number above the maximum', { ...valid, seats: '501' }, { seats: 'too_large' }],
    ['words where a number belongs', { ...valid, seats: 'twelve' }, { seats: 'wrong_type' }],
  ])('refuses %s beside that question', (_name, raw, expected) => {
    expect(problemsOf(raw)).toEqual(expected);
  });

  it('answers 422 with field details keyed by answers.<question id>', () => {
    let error: unknown;
    try {
      validAnswers(questions, { terms: true, seats: 900 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).details).toEqual({
      fieldErrors: { 'answers.company': 'Answer this question.', 'answers.seats': 'Use 500 or less.' },
      fieldReasons: { 'answers.company': { reason: 'required' }, 'answers.seats': { reason: 'too_large', limit: 500 } },
    });
  });
});

describe('answer checking properties', () => {
  const anyValue = fc.oneof(fc.string({ maxLength: 600 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }), fc.boolean(), fc.double(), fc.integer(), fc.constant(null));
  const anyAnswers = fc.dictionary(fc.constantFrom('company', 'agenda', 'size', 'topics', 'terms', 'phone', 'seats', 'other', '__proto__x'), anyValue);

  it('never throws, and either stores only known questions’ bounded, clean answers or names a problem per refused question', () => {
    fc.assert(
      fc.property(anyAnswers, (raw) => {
        const check = checkAnswers(questions, raw);
        if (!check.ok) {
          const known = new Set([...questions.map((q) => q.id), ...Object.keys(raw)]);
          expect(Object.keys(check.problems).every((id) => known.has(id))).toBe(true);
          return;
        }
        for (const answer of check.answers ?? []) {
          const question = questions.find((q) => q.id === answer.questionId)!;
          expect(answer.label).toBe(question.label);
          expect(answer.type).toBe(question.type);
          if (typeof answer.value === 'string') {
            expect(answer.value).toBe(answer.value.normalize('NFC').trim());
            expect(answer.value.length).toBeLessThanOrEqual(MAX_LONG_ANSWER_LENGTH);
            expect(hasUnsafeCharacters(answer.value, 'multi')).toBe(false);
          }
          if ('options' in question && question.type !== 'multiple_choice') expect(question.options).toContain(answer.value);
          if (question.type === 'multiple_choice') expect((answer.value as string[]).every((v) => question.options.includes(v))).toBe(true);
        }
        expect(check.answers?.some((a) => a.questionId === 'company')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts any answers made of the options and bounded clean text, and gives back the same values canonicalised', () => {
    const clean = fc.string({ minLength: 1, maxLength: 100 }).filter((text) => text.trim() !== '' && !hasUnsafeCharacters(text, 'single'));
    fc.assert(
      fc.property(clean, fc.subarray(['Pricing', 'Integrations', 'Security']), fc.integer({ min: 1, max: 500 }), (company, topics, seats) => {
        const check = checkAnswers(questions, { company, topics, seats, terms: true });
        expect(check.ok).toBe(true);
        if (!check.ok) return;
        const byId = new Map(check.answers!.map((a) => [a.questionId, a.value]));
        expect(byId.get('company')).toBe(company.normalize('NFC').trim());
        expect(byId.get('seats')).toBe(seats);
        expect(byId.get('topics')).toEqual(topics.length === 0 ? undefined : topics);
      }),
    );
  });

  it('judges answers the same whatever order their keys arrive in', () => {
    fc.assert(
      fc.property(anyAnswers, (raw) => {
        const reversed = Object.fromEntries(Object.entries(raw).reverse());
        expect(checkAnswers(questions, reversed)).toEqual(checkAnswers(questions, raw));
      }),
    );
  });
});

describe('the question definitions', () => {
  it('refuses more than 20 questions, a choice without two options, repeated ids and ranges upside down', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ type: 'short_text', label: `Q${i}` }));
    expect(bookingQuestionsSchema.safeParse(many).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'single_choice', label: 'Pick', options: ['Only'] }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'single_choice', label: 'Pick', options: ['A', 'A'] }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ id: 'a', type: 'phone', label: 'P' }, { id: 'a', type: 'phone', label: 'Q' }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'number', label: 'N', min: 5, max: 1 }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'short_text', label: 'x'.repeat(201) }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'short_text', label: 'Q', help: 'x'.repeat(501) }]).success).toBe(false);
    expect(bookingQuestionsSchema.safeParse([{ type: 'short_text', label: 'Q\u0000' }]).success).toBe(false);
  });

  it('gives a question without an id a stable one and keeps a given id', () => {
    const [made, kept] = bookingQuestionsSchema.parse([{ type: 'short_text', label: 'Q' }, { id: 'company', type: 'short_text', label: 'Company' }]);
    expect(made!.id).toMatch(/^q[0-9a-f]{8}$/);
    expect(kept!.id).toBe('company');
    expect(bookingQuestionsSchema.parse([made])).toEqual([made]);
  });
});
