'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TimeZoneCombobox } from '@/components/ui/time-zone-combobox';
import styles from './settings.module.css';
import { formError, type SettingsAction, useSettingsAction } from './use-settings-action';

export function TimeZoneForm({ timeZone, action }: { timeZone: string; action: SettingsAction<{ timeZone: string }> }) {
  const [chosen, setChosen] = useState(timeZone);
  const [state, submit, pending] = useSettingsAction(action, { refresh: true });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <TimeZoneCombobox
        name="timeZone"
        value={chosen}
        onChange={setChosen}
        hint="Your weekly hours and date overrides are read in this zone; changing it moves your open times."
        error={fieldErrors?.timeZone}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{`Saved. Your hours now follow ${state.data.timeZone}.`}</Alert> : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Saving…' : 'Save time zone'}
      </Button>
    </ActionForm>
  );
}
