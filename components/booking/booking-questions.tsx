'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useId } from 'react';
import { FieldNotes, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import { MAX_LONG_ANSWER_LENGTH, MAX_PHONE_LENGTH, MAX_SHORT_ANSWER_LENGTH } from '@/lib/hosts/meeting-types/question-limits';
import { answerInputName, prefilledAnswer } from './question-answers';
import styles from './booking-questions.module.css';

// The host's questions on the booking form. Labels, help and options are the host's own words (not
// translated); the words around them are. Each control is named `q.<id>`; a group of choices is a
// fieldset whose legend is the question, with its help and error tied to it.

interface Props {
  questions: BookingQuestion[];
  /** Values from the page's `?q.<id>=` parameters. */
  prefill: Record<string, string[]>;
  /** Each refused answer's message, by question id. */
  errors: Record<string, string>;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A fieldset of radios or checkboxes (or one checkbox): the legend names it, help and error describe it. */
function ChoiceGroup({ question, error, optional, children }: { question: BookingQuestion; error: string | undefined; optional: string; children: ReactNode }) {
  const id = useId();
  const hintId = question.help ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={styles.group} aria-describedby={describedBy(hintId, errorId)}>
      <legend className={styles.legend}>
        {question.label}
        {question.required ? null : <span className={styles.optional}> ({optional})</span>}
      </legend>
      <div className={styles.choices}>{children}</div>
      <FieldNotes id={id} hint={question.help} error={error} />
    </fieldset>
  );
}

function QuestionField({ question, prefill, error }: { question: BookingQuestion; prefill: string[] | undefined; error: string | undefined }) {
  const t = useTranslations('questions.form');
  const optionalWord = useTranslations('invitee.form')('optional');
  const name = answerInputName(question.id);
  const initial = prefilledAnswer(question, prefill);
  const common = { label: question.label, name, hint: question.help, error, optional: question.required ? undefined : optionalWord, required: question.required };
  switch (question.type) {
    case 'short_text':
      return <TextField {...common} maxLength={MAX_SHORT_ANSWER_LENGTH} defaultValue={initial.text} />;
    case 'phone':
      return <TextField {...common} type="tel" autoComplete="tel" maxLength={MAX_PHONE_LENGTH} defaultValue={initial.text} />;
    case 'number':
      return <TextField {...common} type="number" inputMode="decimal" step="any" min={question.min} max={question.max} defaultValue={initial.text} />;
    case 'long_text':
      return <TextAreaField {...common} maxLength={MAX_LONG_ANSWER_LENGTH} defaultValue={initial.text} />;
    case 'single_choice':
      if (question.display === 'select') {
        return (
          <SelectField {...common} defaultValue={initial.text ?? ''}>
            <option value="">{t('chooseOne')}</option>
            {question.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </SelectField>
        );
      }
      return (
        <ChoiceGroup question={question} error={error} optional={optionalWord}>
          {question.options.map((option) => (
            <label key={option} className={styles.choice}>
              <input type="radio" name={name} value={option} required={question.required} defaultChecked={initial.text === option} />
              <span>{option}</span>
            </label>
          ))}
        </ChoiceGroup>
      );
    case 'multiple_choice':
      return (
        <ChoiceGroup question={question} error={error} optional={optionalWord}>
          {question.options.map((option) => (
            <label key={option} className={styles.choice}>
              <input type="checkbox" name={name} value={option} defaultChecked={initial.choices.includes(option)} />
              <span>{option}</span>
            </label>
          ))}
        </ChoiceGroup>
      );
    case 'checkbox':
      return <SingleCheckbox question={question} name={name} error={error} defaultChecked={initial.ticked} optional={optionalWord} />;
  }
}

/** One box to tick ("I agree to …"): the question is its label. */
function SingleCheckbox({ question, name, error, defaultChecked, optional }: { question: BookingQuestion; name: string; error: string | undefined; defaultChecked: boolean; optional: string }) {
  const id = useId();
  const hintId = question.help ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={styles.group}>
      <label className={styles.choice}>
        <input
          type="checkbox"
          name={name}
          required={question.required}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <span className={styles.legend}>
          {question.label}
          {question.required ? null : <span className={styles.optional}> ({optional})</span>}
        </span>
      </label>
      <FieldNotes id={id} hint={question.help} error={error} />
    </div>
  );
}

export function BookingQuestions({ questions, prefill, errors }: Props) {
  return (
    <>
      {questions.map((question) => (
        <QuestionField key={question.id} question={question} prefill={prefill[question.id]} error={errors[question.id]} />
      ))}
    </>
  );
}
