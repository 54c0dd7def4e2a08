'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './integrations.module.css';

export type CalendarAction = (input: { calendarId: string; setting: 'blocks_time' | 'receives_events'; value: 'true' | 'false' }) => Promise<ActionResult<{ calendarId: string }>>;

interface Props {
  calendar: { id: string; name: string; isPrimary: boolean; blocksTime: boolean; receivesEvents: boolean };
  canReceive: boolean;
  action: CalendarAction;
}

/** One calendar's two choices, saved as they change. */
export function CalendarChoices({ calendar, canReceive, action }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const save = (setting: 'blocks_time' | 'receives_events', value: boolean) =>
    startTransition(async () => {
      const result = await action({ calendarId: calendar.id, setting, value: value ? 'true' : 'false' });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  return (
    <li className={styles.calendar}>
      <span className={styles.calendarName}>
        {calendar.name}
        {calendar.isPrimary ? ' (primary)' : ''}
      </span>
      <span className={styles.choices}>
        <label className={styles.choice}>
          <input type="checkbox" checked={calendar.blocksTime} disabled={pending} onChange={(event) => save('blocks_time', event.currentTarget.checked)} />
          Blocks time
        </label>
        {canReceive ? (
          <label className={styles.choice}>
            <input type="radio" name="receives-events" checked={calendar.receivesEvents} disabled={pending} onChange={() => save('receives_events', true)} />
            Receives new events
          </label>
        ) : null}
      </span>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </li>
  );
}
