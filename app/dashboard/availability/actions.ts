'use server';

import { hostAction } from '@/lib/actions/host-action';
import { addTimeOff } from '@/lib/hosts/availability/add-time-off';
import { removeDateOverride } from '@/lib/hosts/availability/remove-date-override';
import { saveDateOverride } from '@/lib/hosts/availability/save-date-override';
import { saveWeeklyHours } from '@/lib/hosts/availability/save-weekly-hours';
import { dateOverrideInputSchema, removeDateOverrideSchema, timeOffInputSchema, timeZoneInputSchema, weeklyHoursSchema } from '@/lib/hosts/availability/schemas';
import { setTimeZone } from '@/lib/hosts/availability/set-time-zone';
import { recordOnboardingMark } from '@/lib/hosts/onboarding/record-step';
import { createSchedule } from '@/lib/hosts/schedules/create';
import { deleteSchedule } from '@/lib/hosts/schedules/delete';
import { renameSchedule } from '@/lib/hosts/schedules/rename';
import { createScheduleSchema, renameScheduleSchema, scheduleRefSchema } from '@/lib/hosts/schedules/schemas';
import { setDefaultSchedule } from '@/lib/hosts/schedules/set-default';

// The availability page's writes. None takes a host id from the client: the host is the session's.

/** Saving the hours also ticks "check your hours" on the dashboard's checklist: the host has looked. */
export const saveWeeklyHoursAction = hostAction(weeklyHoursSchema, async (input, ctx) => {
  const saved = await saveWeeklyHours(ctx, input);
  await recordOnboardingMark(ctx, { mark: 'hoursChecked' });
  return saved;
});

export const saveTimeZoneAction = hostAction(timeZoneInputSchema, (input, ctx) => setTimeZone(ctx, input));

export const saveDateOverrideAction = hostAction(dateOverrideInputSchema, (input, ctx) => saveDateOverride(ctx, input));

export const removeDateOverrideAction = hostAction(removeDateOverrideSchema, (input, ctx) => removeDateOverride(ctx, input));

export const addTimeOffAction = hostAction(timeOffInputSchema, (input, ctx) => addTimeOff(ctx, input));

export const createScheduleAction = hostAction(createScheduleSchema, (input, ctx) => createSchedule(ctx, input));

export const renameScheduleAction = hostAction(renameScheduleSchema, (input, ctx) => renameSchedule(ctx, input));

export const setDefaultScheduleAction = hostAction(scheduleRefSchema, (input, ctx) => setDefaultSchedule(ctx, input));

export const deleteScheduleAction = hostAction(scheduleRefSchema, (input, ctx) => deleteSchedule(ctx, input));
