'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { type FormAction, formError, useFormAction } from '@/components/ui/use-form-action';
import { CopyLinkButton } from './copy-link-button';
import styles from './one-time-links.module.css';

export type CreateLinkAction = FormAction<{ id: string; path: string }>;

/** Makes a link and shows its address once (only the token's hash is kept), with a copy button. */
export function CreateOneTimeLink({ meetingTypeId, action }: { meetingTypeId: string; action: CreateLinkAction }) {
  const [created, setCreated] = useState<string | null>(null);
  const [state, submit, pending] = useFormAction(action, { refresh: true, onSuccess: (link) => setCreated(link.path) });
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  const message = formError(state);
  return (
    <>
      <ActionForm dispatch={submit} className={styles.createRow} aria-label="New one-time link">
        <input type="hidden" name="meetingTypeId" value={meetingTypeId} />
        <SelectField label="Expires" name="expiresIn" defaultValue="7d" error={errors?.expiresIn}>
          <option value="1d">After 1 day</option>
          <option value="7d">After 7 days</option>
          <option value="30d">After 30 days</option>
          <option value="never">Never</option>
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create one-time link'}
        </Button>
      </ActionForm>
      {message ? <Alert tone="error">{message}</Alert> : null}
      {created ? (
        <div className={styles.newLink} data-testid="new-one-time-link">
          <TextField
            label="Your new link"
            hint="Copy it now: it is shown only once."
            readOnly
            value={`${window.location.origin}${created}`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyLinkButton path={created} name="the new one-time link" />
        </div>
      ) : null}
    </>
  );
}
