import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import type { ApiError } from './api-client';

// The API refuses answers per question (`answers.<id>` with a reason and a limit); the booking form shows
// each beside its question in the page's language. A refusal about a question the page does not show
// (the host removed it since the page loaded) becomes a message for the whole form.

const PREFIX = 'answers.';
const reasons = new Set(['unknown_question', 'required', 'wrong_type', 'control_characters', 'too_long', 'invalid_phone', 'not_an_option', 'too_many_choices', 'too_small', 'too_large']);
type Reason = 'unknown_question' | 'required' | 'wrong_type' | 'control_characters' | 'too_long' | 'invalid_phone' | 'not_an_option' | 'too_many_choices' | 'too_small' | 'too_large';

export function useAnswerErrors() {
  const t = useTranslations('questions.errors');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const clear = useCallback(() => setErrors({}), []);

  /** Shows each refused answer beside its question; returns the messages that have no question on the page. */
  const show = useCallback(
    (error: ApiError, questions: readonly BookingQuestion[]): { shown: boolean; leftover: string[] } => {
      const byId = new Map(questions.map((question) => [question.id, question]));
      const found: Record<string, string> = {};
      const leftover: string[] = [];
      for (const [field, { reason, limit }] of Object.entries(error.fieldReasons ?? {})) {
        if (!field.startsWith(PREFIX)) continue;
        const question = byId.get(field.slice(PREFIX.length));
        const key: Reason | 'requiredBox' = reason === 'required' && question?.type === 'checkbox' ? 'requiredBox' : reasons.has(reason) ? (reason as Reason) : 'wrong_type';
        const message = t(key, { limit: limit ?? 0 });
        if (question) found[question.id] = message;
        else leftover.push(message);
      }
      setErrors(found);
      return { shown: Object.keys(found).length > 0, leftover };
    },
    [t],
  );

  return useMemo(() => ({ errors, clear, show, summary: t('check'), isAnswerField: (path: string) => path.startsWith(PREFIX) }), [errors, clear, show, t]);
}
