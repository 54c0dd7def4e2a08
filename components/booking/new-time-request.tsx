'use client';

import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { declineNewTime, describeError } from './api-client';
import { layoutStyles } from './booking-layout';
import styles from './meeting-summary.module.css';
import { useSingleSubmit } from './use-single-submit';

// Every word of the invitee's side of a host's request for a new time lives here (the next-intl
// catalogues take them over at merge).

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
  const { submitting, error, run } = useSingleSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await run(async () => {
      // Declining again answers the same, so a retry after a lost reply is harmless.
      const result = await declineNewTime(bookingId, token, reason || undefined);
      if (!result.ok) return describeError(result);
      onDeclined();
      return null;
    });
  }

  return (
    <div className={`${layoutStyles.stack} ${styles.request}`}>
      <Alert tone="info" title={`${hostName} asked you to pick a new time`}>
        <p>Your current time stays reserved until you pick a new one below.</p>
        {message ? <p>“{message}”</p> : null}
      </Alert>
      {declining ? (
        <form className={layoutStyles.stack} onSubmit={submit} aria-label="Decline the request">
          <TextAreaField label={`Anything to tell ${hostName}?`} name="reason" optional maxLength={2000} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className={layoutStyles.actions}>
            <Button variant="ghost" onClick={() => onDecliningChange(false)} disabled={submitting}>
              Back to times
            </Button>
            <Button type="submit" variant="danger" disabled={submitting}>
              {submitting ? 'Cancelling…' : 'Cancel the meeting'}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => onDecliningChange(true)}>
            None of these times work
          </Button>
        </div>
      )}
    </div>
  );
}

/** After declining: the meeting is cancelled and the host knows. */
export function NewTimeDeclined({ hostName }: { hostName: string }) {
  return (
    <div className={layoutStyles.stack}>
      <h2 className={layoutStyles.panelTitle}>Meeting cancelled</h2>
      <Alert tone="success">We told {hostName} that none of the times work for you. The meeting is cancelled.</Alert>
    </div>
  );
}
