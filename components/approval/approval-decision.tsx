'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { decideRequest } from '@/components/booking/api-client';
import { useFocusOnMount } from '@/components/booking/use-focus-on-mount';
import { useSingleSubmit } from '@/components/booking/use-single-submit';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import type { ApprovalRequestView } from '@/lib/booking/approval-request';
import authStyles from '@/components/auth/auth.module.css';
import { layoutStyles } from '@/components/booking/booking-layout';
import styles from './approval.module.css';

interface Props {
  request: ApprovalRequestView;
  token: string;
  /** Which button of the email was followed; the other answer stays one link away. */
  decision: 'approve' | 'decline';
}

const titles = { approve: 'Approve this request?', decline: 'Decline this request?' };

function Outcome({ title, children }: { title: string; children: React.ReactNode }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        {title}
      </h1>
      {children}
      <p>
        <Link href={`/dashboard/bookings`}>Open your bookings</Link>
      </p>
    </>
  );
}

/**
 * The confirm page behind the host's Approve and Decline links: the GET shows the request, the button
 * POSTs the answer. A request decided meanwhile (another approver, the expiry) gets the API's 409 and says so.
 */
export function ApprovalDecision({ request, token, decision }: Props) {
  const [done, setDone] = useState<'approved' | 'declined' | null>(null);
  const [conflict, setConflict] = useState<string | null>(request.decided);
  const { submitting, error, run } = useSingleSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await run(async () => {
      const result = await decideRequest(request.id, token, decision, reason || undefined);
      if (result.ok) {
        setDone(decision === 'approve' ? 'approved' : 'declined');
        return null;
      }
      if (result.status === 409) {
        setConflict(result.error.message);
        return null;
      }
      return result.error.message;
    });
  }

  const details = (
    <dl className={styles.details}>
      <dt>Meeting</dt>
      <dd>{request.meetingName}</dd>
      <dt>When</dt>
      <dd>{request.when}</dd>
      <dt>Invitee</dt>
      <dd>
        {request.inviteeName} ({request.inviteeEmail})
      </dd>
      {request.notes ? (
        <>
          <dt>Notes</dt>
          <dd>{request.notes}</dd>
        </>
      ) : null}
    </dl>
  );

  return (
    <main className={authStyles.shell}>
      <div className={`${authStyles.card} ${layoutStyles.stack}`} data-testid="approval-page">
        {done === 'approved' ? (
          <Outcome title="Request approved">
            {details}
            <Alert tone="success">The meeting is confirmed. {request.inviteeName} has been sent the confirmation.</Alert>
          </Outcome>
        ) : done === 'declined' ? (
          <Outcome title="Request declined">
            {details}
            <Alert tone="success">{request.inviteeName} has been told, and the time is free again.</Alert>
          </Outcome>
        ) : conflict ? (
          <Outcome title="This request can no longer be answered">
            {details}
            <Alert tone="info">{conflict}</Alert>
          </Outcome>
        ) : (
          <>
            <h1 className={layoutStyles.panelTitle}>{titles[decision]}</h1>
            {details}
            <p className="muted">
              The time is held until you answer.{request.answerBy ? ` Unanswered, the request is declined automatically on ${request.answerBy}.` : ''}
            </p>
            <form className={layoutStyles.stack} onSubmit={submit}>
              {decision === 'decline' ? (
                <TextAreaField label="Reason" name="reason" optional maxLength={2000} hint={`Included in the email to ${request.inviteeName}.`} />
              ) : null}
              {error ? <Alert tone="error">{error}</Alert> : null}
              <div className={layoutStyles.actions}>
                <Button type="submit" variant={decision === 'decline' ? 'danger' : 'primary'} disabled={submitting}>
                  {decision === 'approve' ? (submitting ? 'Approving…' : 'Approve request') : submitting ? 'Declining…' : 'Decline request'}
                </Button>
                <ButtonLink variant="ghost" href={`/bookings/${request.id}/${decision === 'approve' ? 'decline' : 'approve'}?token=${encodeURIComponent(token)}`}>
                  {decision === 'approve' ? 'Decline instead' : 'Approve instead'}
                </ButtonLink>
              </div>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
