'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TimeZoneCombobox } from '@/components/ui/time-zone-combobox';
import type { ActionResult } from '@/lib/actions/action-result';
import type { TimeZoneInput } from '@/lib/hosts/availability/schemas';
import styles from './availability.module.css';

type SaveTimeZone = (input: TimeZoneInput) => Promise<ActionResult<TimeZoneInput>>;

/** The zone the weekly hours and date overrides are read in. */
export function TimeZoneForm({ initialTimeZone, save }: { initialTimeZone: string; save: SaveTimeZone }) {
  const router = useRouter();
  const [timeZone, setTimeZone] = useState(initialTimeZone);
  const [result, setResult] = useState<ActionResult<TimeZoneInput> | null>(null);
  const [pending, startTransition] = useTransition();
  const error = result && !result.ok ? (result.error.fieldErrors?.timeZone ?? result.error.message) : undefined;

  return (
    <form
      className={styles.section}
      aria-label="Time zone"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const answer = await save({ timeZone });
          startTransition(() => {
            setResult(answer);
            // "Today" for date overrides depends on the zone.
            if (answer.ok) router.refresh();
          });
        });
      }}
    >
      <div className={styles.zoneRow}>
        <TimeZoneCombobox
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            setResult(null);
          }}
          error={error}
          hint="Your hours and date overrides are in this zone; invitees see times in theirs."
        />
        <Button type="submit" variant="secondary" disabled={pending || timeZone === ''}>
          {pending ? 'Saving…' : 'Save time zone'}
        </Button>
      </div>
      {result?.ok ? <Alert tone="success">Time zone saved: {result.data.timeZone}.</Alert> : null}
    </form>
  );
}
