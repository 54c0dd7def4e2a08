'use client';

import { useState } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/field';
import { MAX_CHANGE_NOTICE_HOURS } from '@/lib/hosts/meeting-types/limits';
import type { MeetingTypeFormValues } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

function cutOffSentence(hours: string): string {
  const value = Number(hours);
  if (hours.trim() === '' || !Number.isFinite(value) || value < 0) return 'Invitees may cancel or reschedule until N hours before the meeting.';
  if (value === 0) return 'Invitees may cancel or reschedule until the meeting starts.';
  return `Invitees may cancel or reschedule until ${value} ${value === 1 ? 'hour' : 'hours'} before the meeting.`;
}

/** The invitee's cut-off for changes (typed in hours) and whether the meeting type is bookable at all. */
export function ChangesFields({ initial, errors }: { initial: MeetingTypeFormValues; errors: Errors }) {
  const [hours, setHours] = useState(initial.minChangeNoticeHours);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Changes and status</legend>
      <TextField
        label="Cut-off for invitee changes (hours before the meeting)"
        name="minChangeNoticeHours"
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_CHANGE_NOTICE_HOURS}
        step="any"
        value={hours}
        onChange={(event) => setHours(event.target.value)}
        hint={`${cutOffSentence(hours)} You can always cancel yourself.`}
        error={errors?.minChangeNoticeHours}
      />
      <Checkbox name="isActive" label="Active" hint="Invitees can see and book it on your page." defaultChecked={initial.isActive} />
    </fieldset>
  );
}
