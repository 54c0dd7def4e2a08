'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { declineNewTime } from './api-client';
import { layoutStyles } from './booking-layout';
import styles from './meeting-summary.module.css';
import { useErrorText } from './use-error-text';
import { useSingleSubmit } from './use-single-submit';

// The invitee's side of a host's request for a new time, in the page's language (`invitee.newTime`).

interface Props {
  bookingId: string;
  token: string;
  hostName: string;
  message: string | null;
  /** Whether the decline form is open (the page hides the picker meanwhile). */
  declining: boolean;
  onDecliningChange: (declining: boolean) => void;
  onDeclined: () => void;
}

/** Above the picker on a reschedule link the host asked about: why, and "none of these work" (cancels). */
export function NewTimeRequest({ bookingId, token, hostName, message, declining, onDecliningChange, onDeclined }: Props) {
  const t = useTranslations('invitee');
  const { describe } = useErrorText();
  const { submitting, error, run } = useSingleSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await run(async () => {
      // Declining again answers the same, so a retry after a lost reply is harmless.
      const result = await declineNewTime(bookingId, token, reason || undefined);
      if (!result.ok) return describe(result);
      onDeclined();
      return null;
    });
  }

  return (
    <div className={`${layoutStyles.stack} ${styles.request}`}>
      <Alert tone="info" title={t('newTime.title', { host: hostName })}>
        <p>{t('newTime.reserved')}</p>
        {message ? <p>{t('newTime.message', { message })}</p> : null}
      </Alert>
      {declining ? (
        <form className={layoutStyles.stack} onSubmit={submit} aria-label={t('newTime.declineForm')}>
          <TextAreaField label={t('newTime.reason', { host: hostName })} name="reason" optional={t('form.optional')} maxLength={2000} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className={layoutStyles.actions}>
            <Button variant="ghost" onClick={() => onDecliningChange(false)} disabled={submitting}>
              {t('form.backToTimes')}
            </Button>
            <Button type="submit" variant="danger" disabled={submitting}>
              {submitting ? t('manage.cancelling') : t('newTime.cancelMeeting')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => onDecliningChange(true)}>
            {t('newTime.noneWork')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** After declining: the meeting is cancelled and the host knows. */
export function NewTimeDeclined({ hostName }: { hostName: string }) {
  const t = useTranslations('invitee.newTime');
  return (
    <div className={layoutStyles.stack}>
      <h2 className={layoutStyles.panelTitle}>{t('declinedTitle')}</h2>
      <Alert tone="success">{t('declinedNote', { host: hostName })}</Alert>
    </div>
  );
}
