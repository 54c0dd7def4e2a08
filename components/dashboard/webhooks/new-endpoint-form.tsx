'use client';

import { useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/field';
import { type FormAction, submitPayload, useFormAction } from '@/components/ui/use-form-action';
import type { WebhookEventType } from '@/lib/webhooks/endpoints/schemas';
import { webhookEventChoices } from './event-labels';
import { SecretOnce } from './secret-once';
import styles from './webhooks.module.css';

export interface NewEndpointInput {
  url: string;
  events: WebhookEventType[];
}

export type CreateEndpointAction = FormAction<{ endpoint: { id: string; url: string }; secret: string }, NewEndpointInput>;

/** URL and events; on success the signing secret is shown here, once. */
export function NewEndpointForm({ action }: { action: CreateEndpointAction }) {
  const form = useRef<HTMLFormElement>(null);
  const [state, submit, pending] = useFormAction(action, { refresh: true, onSuccess: () => form.current?.reset() });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const payload = (): NewEndpointInput => {
    const data = new FormData(form.current!);
    return { url: String(data.get('url') ?? ''), events: data.getAll('events').map(String) as WebhookEventType[] };
  };
  return (
    <form ref={form} noValidate className={styles.form} onSubmit={submitPayload(submit, payload)}>
      <TextField label="Endpoint URL" name="url" type="url" inputMode="url" placeholder="https://example.com/webhooks/rendezvous" required maxLength={2000} error={fieldErrors?.url} hint="An https address on the public internet. Events are POSTed to it as JSON, signed." />
      <fieldset className={styles.events} aria-describedby={fieldErrors?.events ? 'webhook-events-error' : undefined}>
        <legend>Events</legend>
        {webhookEventChoices.map((choice) => (
          <Checkbox key={choice.type} name="events" value={choice.type} label={choice.type} hint={choice.hint} defaultChecked={choice.type.startsWith('booking.')} />
        ))}
        {fieldErrors?.events ? (
          <p id="webhook-events-error" role="alert" className={styles.meta}>
            {fieldErrors.events}
          </p>
        ) : null}
      </fieldset>
      {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? <SecretOnce title={`Endpoint added: ${state.data.endpoint.url}`} secret={state.data.secret} /> : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Checking the address…' : 'Add endpoint'}
      </Button>
    </form>
  );
}
