'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import type { Tracking } from '@/lib/booking/tracking';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import { type Booking, createBooking, isSlotGone, type NewBooking, newIdempotencyKey, type Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import { BookingQuestions } from './booking-questions';
import { answersFromForm } from './question-answers';
import { useAnswerErrors } from './use-answer-errors';
import { useErrorText } from './use-error-text';
import { useFocusOnMount } from './use-focus-on-mount';

/** Details the page was opened with; the invitee may still change them. */
export interface Prefill {
  name?: string | undefined;
  email?: string | undefined;
  /** Answers by question id (`?q.<id>=…`, repeated for several choices). */
  answers?: Record<string, string[]> | undefined;
}

interface Props {
  meetingTypeId: string;
  /** The meeting type's questions, asked after the notes. */
  questions?: BookingQuestion[] | undefined;
  slot: Slot;
  timeZone: string;
  prefill: Prefill;
  tracking: Tracking;
  /** The one-time link the page was opened with; sent with the booking, which uses it up. */
  oneTimeLinkToken?: string | undefined;
  onBooked: (booking: Booking) => void;
  /** The slot went to someone else (409 slot_unavailable): back to the times, with this message. */
  onSlotTaken: (message: string) => void;
  onBack: () => void;
}

type FieldName = 'name' | 'email' | 'notes';
const fieldNames = new Set<string>(['name', 'email', 'notes']);
const RETRY_DELAY_MS = 800;

function readForm(form: HTMLFormElement, fixed: Pick<NewBooking, 'meetingTypeId' | 'start' | 'timezone' | 'tracking' | 'locale' | 'oneTimeLinkToken'>, questions: BookingQuestion[]): NewBooking {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const notes = text('notes');
  const answers = questions.length > 0 ? { answers: answersFromForm(questions, data) } : {};
  return { ...fixed, name: text('name'), email: text('email'), ...(notes ? { notes } : {}), ...answers };
}

export function BookingForm({ meetingTypeId, questions = [], slot, timeZone, prefill, tracking, oneTimeLinkToken, onBooked, onSlotTaken, onBack }: Props) {
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  // One key per distinct request: a double click or a retry of the same details reuses it, so the
  // server answers with the booking it already made instead of making a second one.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee.form');
  // The booking's emails (and later reminders) go out in the language it was made in.
  const locale = useLocale();
  const { describe, describeField } = useErrorText();
  const answerErrors = useAnswerErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const fixed = {
      meetingTypeId,
      start: slot.start,
      timezone: timeZone,
      locale,
      ...(Object.keys(tracking).length > 0 ? { tracking } : {}),
      ...(oneTimeLinkToken ? { oneTimeLinkToken } : {}),
    };
    const input = readForm(event.currentTarget, fixed, questions);
    const body = JSON.stringify(input);
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    const key = attempt.current.key;

    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    setFieldErrors({});
    answerErrors.clear();
    try {
      let result = await createBooking(input, key);
      if (!result.ok && result.error.code === 'network_error') {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        result = await createBooking(input, key);
      }
      if (result.ok) {
        onBooked(result.data.booking);
        return;
      }
      if (isSlotGone(result.error.code)) {
        onSlotTaken(describe(result));
        return;
      }
      const errors: Partial<Record<FieldName, string>> = {};
      const other: string[] = [];
      for (const issue of result.error.issues) {
        if (fieldNames.has(issue.path)) errors[issue.path as FieldName] ??= describeField(issue);
        else if (!answerErrors.isAnswerField(issue.path)) other.push(issue.message);
      }
      setFieldErrors(errors);
      const answered = answerErrors.show(result.error, questions);
      other.push(...answered.leftover);
      const hasFieldErrors = Object.keys(errors).length > 0 || answered.shown;
      if (!hasFieldErrors || other.length > 0) setFormError([describe(result), ...other].join(' '));
      else if (answered.shown) setFormError(answerErrors.summary);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <div>
      <Button variant="ghost" onClick={onBack} aria-label={t('backToTimes')}>
        ← {t('back')}
      </Button>
      <h2 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        {t('title')}
      </h2>
      <form className={layoutStyles.stack} onSubmit={submit}>
        <TextField label={t('name')} name="name" autoComplete="name" required maxLength={255} defaultValue={prefill.name} error={fieldErrors.name} />
        <TextField
          label={t('email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={255}
          defaultValue={prefill.email}
          error={fieldErrors.email}
        />
        <TextAreaField
          label={t('notes')}
          name="notes"
          optional={t('optional')}
          maxLength={5000}
          hint={t('notesHint')}
          error={fieldErrors.notes}
        />
        <BookingQuestions questions={questions} prefill={prefill.answers ?? {}} errors={answerErrors.errors} />
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className={layoutStyles.actions}>
          <Button type="submit" disabled={submitting}>
            {submitting ? t('submitting') : t('submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
