'use client';

import type { ChangeEvent } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import styles from './integrations.module.css';

export type CalendarAction = FormAction<{ calendarId: string }>;

interface Props {
  calendar: { id: string; name: string; isPrimary: boolean; blocksTime: boolean; receivesEvents: boolean };
  canReceive: boolean;
  action: CalendarAction;
}

/** A choice is saved as it changes: the control submits its own small form. */
const submitOnChange = (event: ChangeEvent<HTMLInputElement>) => event.currentTarget.form?.requestSubmit();

/** One calendar's two choices, each a form of its own (calendar, setting, value), saved as they change. */
export function CalendarChoices({ calendar, canReceive, action }: Props) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const hidden = (setting: 'blocks_time' | 'receives_events') => (
    <>
      <input type="hidden" name="calendarId" value={calendar.id} />
      <input type="hidden" name="setting" value={setting} />
    </>
  );
  return (
    <li className={styles.calendar}>
      <span className={styles.calendarName}>
        {calendar.name}
        {calendar.isPrimary ? ' (primary)' : ''}
      </span>
      <span className={styles.choices}>
        <ActionForm dispatch={submit} className={styles.buttonForm}>
          {hidden('blocks_time')}
          {/* Unticked, only the hidden "false" is sent; ticked, the box's "true" comes after it and wins. */}
          <input type="hidden" name="value" value="false" />
          <label className={styles.choice}>
            <input type="checkbox" name="value" value="true" checked={calendar.blocksTime} disabled={pending} onChange={submitOnChange} />
            Blocks time
          </label>
        </ActionForm>
        {canReceive ? (
          <ActionForm dispatch={submit} className={styles.buttonForm}>
            {hidden('receives_events')}
            <input type="hidden" name="value" value="true" />
            <label className={styles.choice}>
              <input type="radio" name="receives-events" checked={calendar.receivesEvents} disabled={pending} onChange={submitOnChange} />
              Receives new events
            </label>
          </ActionForm>
        ) : null}
      </span>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
    </li>
  );
}
