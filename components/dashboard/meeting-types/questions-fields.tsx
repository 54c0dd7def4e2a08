'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import { MAX_OPTION_LENGTH, MAX_QUESTION_HELP_LENGTH, MAX_QUESTION_LABEL_LENGTH, MAX_QUESTION_OPTIONS, MAX_QUESTIONS } from '@/lib/hosts/meeting-types/question-limits';
import styles from './meeting-type-form.module.css';
import { draftOf, moved, newDraft, type QuestionDraft, questionOf, questionTypeLabels, questionTypes } from './question-drafts';
import questionStyles from './questions-fields.module.css';

type Errors = Record<string, string> | undefined;

/** The first error the server reported under `bookingQuestions.<index>.<field>` (or deeper, e.g. one option). */
function errorAt(errors: Errors, index: number, field: string): string | undefined {
  const prefix = `bookingQuestions.${index}.${field}`;
  return Object.entries(errors ?? {}).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

interface RowProps {
  draft: QuestionDraft;
  index: number;
  count: number;
  errors: Errors;
  onChange: (draft: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function QuestionRow({ draft, index, count, errors, onChange, onMove, onRemove }: RowProps) {
  const set = <K extends keyof QuestionDraft>(field: K, value: QuestionDraft[K]) => onChange({ ...draft, [field]: value });
  const requiredId = useId();
  const number = `question ${index + 1}`;
  const choice = draft.type === 'single_choice' || draft.type === 'multiple_choice';
  return (
    <fieldset className={questionStyles.question} data-question-key={draft.key}>
      <legend className={questionStyles.questionLegend}>Question {index + 1}</legend>
      <div className={styles.fieldRow}>
        <TextField
          label="Question"
          value={draft.label}
          maxLength={MAX_QUESTION_LABEL_LENGTH}
          onChange={(event) => set('label', event.target.value)}
          error={errorAt(errors, index, 'label')}
        />
        <SelectField label="Answer type" value={draft.type} onChange={(event) => set('type', event.target.value as QuestionDraft['type'])} error={errorAt(errors, index, 'type')}>
          {questionTypes.map((type) => (
            <option key={type} value={type}>
              {questionTypeLabels[type]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label="Help text"
        optional
        value={draft.help}
        maxLength={MAX_QUESTION_HELP_LENGTH}
        hint="Shown under the question."
        onChange={(event) => set('help', event.target.value)}
        error={errorAt(errors, index, 'help')}
      />
      {choice ? (
        <TextAreaField
          label="Options"
          value={draft.options}
          hint={`One per line: at least 2, at most ${MAX_QUESTION_OPTIONS}, each up to ${MAX_OPTION_LENGTH} characters.`}
          onChange={(event) => set('options', event.target.value)}
          error={errorAt(errors, index, 'options')}
        />
      ) : null}
      {draft.type === 'single_choice' ? (
        <SelectField label="Show as" value={draft.display} onChange={(event) => set('display', event.target.value as QuestionDraft['display'])}>
          <option value="radio">Radio buttons</option>
          <option value="select">Drop-down list</option>
        </SelectField>
      ) : null}
      {draft.type === 'number' ? (
        <div className={styles.fieldRow}>
          <TextField label="Smallest" optional inputMode="decimal" value={draft.min} onChange={(event) => set('min', event.target.value)} error={errorAt(errors, index, 'min')} />
          <TextField label="Largest" optional inputMode="decimal" value={draft.max} onChange={(event) => set('max', event.target.value)} error={errorAt(errors, index, 'max')} />
        </div>
      ) : null}
      <label className={questionStyles.required} htmlFor={requiredId}>
        <input id={requiredId} type="checkbox" checked={draft.required} onChange={(event) => set('required', event.target.checked)} />
        Invitees must answer
      </label>
      <div className={questionStyles.rowActions}>
        <Button variant="secondary" data-action="up" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${number} up`}>
          ↑ Up
        </Button>
        <Button variant="secondary" data-action="down" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${number} down`}>
          ↓ Down
        </Button>
        <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${number}`}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}

/** The booking questions editor: add, edit, reorder and remove up to 20; sent as one JSON field. */
export function QuestionsFields({ initial, errors }: { initial: BookingQuestion[]; errors: Errors }) {
  const [drafts, setDrafts] = useState(() => initial.map(draftOf));
  // After a move or a removal, where the keyboard goes: the moved question's same button, or "Add".
  const [focus, setFocus] = useState<{ key: string; action: 'up' | 'down' } | 'add' | null>(null);
  const frameRef = useRef<HTMLFieldSetElement>(null);
  const addRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    if (focus === 'add') addRef.current?.querySelector('button')?.focus();
    else {
      const row = frameRef.current?.querySelector(`[data-question-key="${focus.key}"]`);
      const button = row?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('[data-action]:not(:disabled)');
      button?.focus();
    }
    setFocus(null);
  }, [focus]);

  const listError = errors?.bookingQuestions;
  return (
    <fieldset className={styles.fieldset} ref={frameRef}>
      <legend className={styles.legend}>Questions for invitees</legend>
      <p className={questionStyles.intro}>
        Asked on the booking form after name, email and notes. Answers appear on the booking, in your emails and in your calendar event. Up to {MAX_QUESTIONS}.
      </p>
      <input type="hidden" name="bookingQuestions" value={JSON.stringify(drafts.map(questionOf))} />
      {drafts.map((draft, index) => (
        <QuestionRow
          key={draft.key}
          draft={draft}
          index={index}
          count={drafts.length}
          errors={errors}
          onChange={(next) => setDrafts((all) => all.map((item) => (item.key === draft.key ? next : item)))}
          onMove={(by) => {
            setDrafts((all) => moved(all, index, by));
            setFocus({ key: draft.key, action: by === -1 ? 'up' : 'down' });
          }}
          onRemove={() => {
            setDrafts((all) => all.filter((item) => item.key !== draft.key));
            setFocus('add');
          }}
        />
      ))}
      {listError ? <p className={questionStyles.error}>{listError}</p> : null}
      <div ref={addRef}>
        <Button variant="secondary" disabled={drafts.length >= MAX_QUESTIONS} onClick={() => setDrafts((all) => [...all, newDraft()])}>
          + Add a question
        </Button>
      </div>
    </fieldset>
  );
}
