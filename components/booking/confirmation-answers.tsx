import { useTranslations } from 'next-intl';
import { answerItems } from '@/lib/answer-text';
import type { Booking } from './api-client';
import styles from './confirmation.module.css';

/** The invitee's own answers, repeated on their confirmation: each question as asked, then the answer. */
export function ConfirmationAnswers({ answers }: { answers: Booking['answers'] }) {
  const t = useTranslations('questions');
  const items = answerItems(answers, { yes: t('form.yes'), no: t('form.no') });
  if (items.length === 0) return null;
  return (
    <div className={styles.answers} data-testid="confirmation-answers">
      <h3 className={styles.answersTitle}>{t('answers.yours')}</h3>
      <dl className={styles.answerList}>
        {items.map(({ label, text }, index) => (
          <div key={`${index}:${label}`}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
