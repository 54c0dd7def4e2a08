'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { HourCycle, HourCyclePreference } from '@/lib/hosts/host-clock';
import styles from './settings.module.css';

const examples: Record<HourCycle, string> = { '12h': '12-hour (2:00 PM)', '24h': '24-hour (14:00)' };

/** 12- or 24-hour times on every dashboard page and in the emails to the host; "automatic" follows their language. */
export function ClockForm({ hourCycle, automatic, action }: { hourCycle: HourCyclePreference; automatic: HourCycle; action: FormAction<{ hourCycle: HourCyclePreference }> }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const error = formError(state);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <SelectField
        label="Show times as"
        name="hourCycle"
        defaultValue={hourCycle}
        error={fieldErrors?.hourCycle}
        hint="On your dashboard and in the emails you get. Automatic follows the language your browser had when you signed up."
      >
        <option value="auto">Automatic: {examples[automatic]}</option>
        <option value="12h">{examples['12h']}</option>
        <option value="24h">{examples['24h']}</option>
      </SelectField>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? <Alert tone="success">Saved.</Alert> : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Saving…' : 'Save time format'}
      </Button>
    </ActionForm>
  );
}
