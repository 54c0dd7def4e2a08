'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ScheduleSummary } from '@/lib/hosts/schedules/rows';
import { type TeamFormSettings, TeamHostsFields } from '../teams/team-hosts-fields';
import { ApprovalFields } from './approval-fields';
import { BasicsFields } from './basics-fields';
import { ChangesFields } from './changes-fields';
import { GroupEventFields } from './group-event-fields';
import type { DurationValue, DurationValues, MeetingTypeFormValues } from './form-values';
import styles from './meeting-type-form.module.css';
import { QuestionsFields } from './questions-fields';
import { SchedulePicker } from './schedule-picker';
import { SchedulingFields } from './scheduling-fields';
import { VisibilityFields } from './visibility-fields';

type SaveAction = (form: FormData) => Promise<ActionResult<unknown>>;

interface Props {
  username: string;
  initial: MeetingTypeFormValues;
  /** Present when editing: sent with the form, and the page stays put after saving. */
  meetingTypeId?: string;
  action: SaveAction;
  /** The host's schedules, for the picker; without them the form leaves the schedule as it is. */
  schedules?: ScheduleSummary[];
  /**
   * A team's meeting type: its members and how it schedules instead of one host's schedule, approval
   * and seats (a team type has none of those).
   */
  team?: TeamFormSettings;
}

/** The create and edit form: errors beside each field, a pending button, then back to the list (create) or "Saved" (edit). */
export function MeetingTypeForm({ username, initial, meetingTypeId, action, schedules, team }: Props) {
  const listHref = team ? `/dashboard/teams/${team.teamSlug}` : '/dashboard/meeting-types';
  const router = useRouter();
  const frameRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState(async (_previous: ActionResult<unknown> | null, form: FormData) => {
    const result = await action(form);
    if (result.ok) {
      if (meetingTypeId) router.refresh();
      else router.push(listHref);
    }
    return result;
  }, null);
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  const [durations, setDurations] = useState(initial.durations);
  const duration = { durations, onDuration: (name: keyof DurationValues) => (value: DurationValue) => setDurations((all) => ({ ...all, [name]: value })) };

  // After a refused save, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (errors) frameRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  return (
    <div ref={frameRef}>
    <ActionForm dispatch={dispatch} className={styles.form} aria-label={meetingTypeId ? 'Edit meeting type' : 'New meeting type'}>
      {meetingTypeId ? <input type="hidden" name="id" value={meetingTypeId} /> : null}
      <BasicsFields initial={initial} pagePath={team ? `/team/${team.teamSlug}` : `/${username}`} errors={errors} {...duration} />
      {team ? <TeamHostsFields team={team} errors={errors} /> : null}
      <SchedulingFields initial={initial} errors={errors} {...duration} />
      {schedules && !team ? <SchedulePicker schedules={schedules} initial={initial.scheduleId} error={errors?.scheduleId} /> : null}
      {team ? null : <ApprovalFields initial={initial} errors={errors} />}
      {team ? null : <GroupEventFields initial={initial} errors={errors} />}
      <ChangesFields initial={initial} errors={errors} {...duration} />
      <VisibilityFields initial={initial} />
      <QuestionsFields initial={initial.bookingQuestions} errors={errors} />
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok && meetingTypeId ? <Alert tone="success">{team ? 'Saved. The team’s booking page shows the changes now.' : 'Saved. Your booking page shows the changes now.'}</Alert> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : meetingTypeId ? 'Save changes' : 'Create meeting type'}
        </Button>
        <ButtonLink href={listHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </ActionForm>
    </div>
  );
}
