'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TimeZoneCombobox } from '@/components/ui/time-zone-combobox';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { TimeZoneInput } from '@/lib/hosts/availability/schemas';
import styles from './availability.module.css';

/**
 * The zone the weekly hours and date overrides are read in; the one form for it, on the availability
 * and the settings page. A save refreshes the page: "today" for date overrides depends on the zone.
 */
export function TimeZoneForm({ timeZone, action, className }: { timeZone: string; action: FormAction<TimeZoneInput>; className?: string }) {
  const [chosen, setChosen] = useState(timeZone);
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  // An answer describes the zone it was given; once the person picks another, it no longer applies.
  const [answered, setAnswered] = useState(false);
  const shown = answered ? state : null;
  const error = shown && !shown.ok ? (shown.error.fieldErrors?.timeZone ?? shown.error.message) : undefined;

  return (
    <ActionForm
      className={className}
      aria-label="Time zone"
      dispatch={(form) => {
        setAnswered(true);
        submit(form);
      }}
    >
      <div className={styles.zoneRow}>
        <TimeZoneCombobox
          name="timeZone"
          value={chosen}
          onChange={(zone) => {
            setChosen(zone);
            setAnswered(false);
          }}
          error={error}
          hint="Your weekly hours and date overrides are read in this zone; invitees see times in theirs."
        />
        <Button type="submit" variant="secondary" disabled={pending || chosen === ''}>
          {pending ? 'Saving…' : 'Save time zone'}
        </Button>
      </div>
      {shown?.ok ? <Alert tone="success">{`Time zone saved: ${shown.data.timeZone}.`}</Alert> : null}
    </ActionForm>
  );
}
