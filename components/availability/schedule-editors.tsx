'use client';

import type { TimeOffAdded } from '@/lib/hosts/availability/add-time-off';
import type { DateOverrideView } from '@/lib/hosts/availability/date-override-rows';
import type { WeekDayHours } from '@/lib/hosts/availability/load';
import type { DateOverrideInput, RemoveDateOverrideInput, TimeOffInput, TimeZoneInput, WeeklyHoursInput } from '@/lib/hosts/availability/schemas';
import type { FormAction } from '@/components/ui/use-form-action';
import availabilityStyles from './availability.module.css';
import { DateOverridesSection } from './date-overrides-section';
import { TimeZoneForm } from './time-zone-form';
import { WeeklyHoursForm } from './weekly-hours-form';

// The zone, weekly hours and date override editors of ONE schedule: each save names the schedule, so
// the editors themselves stay unaware of schedules. The page keys this by schedule id, so switching
// schedules starts the editors afresh instead of keeping the last schedule's unsaved state.

export interface ScheduleEditorActions {
  saveTimeZone: FormAction<TimeZoneInput>;
  saveWeeklyHours: FormAction<WeeklyHoursInput, WeeklyHoursInput>;
  saveDateOverride: FormAction<DateOverrideView, DateOverrideInput>;
  removeDateOverride: FormAction<{ date: string }, RemoveDateOverrideInput>;
  addTimeOff: FormAction<TimeOffAdded, TimeOffInput>;
}

interface Props {
  scheduleId: string;
  timeZone: string;
  today: string;
  weeklyHours: WeekDayHours[];
  upcomingOverrides: DateOverrideView[];
  actions: ScheduleEditorActions;
}

export function ScheduleEditors({ scheduleId, timeZone, today, weeklyHours, upcomingOverrides, actions }: Props) {
  const inSchedule = <I extends object>(input: I) => ({ ...input, scheduleId });
  return (
    <>
      <TimeZoneForm
        timeZone={timeZone}
        className={availabilityStyles.section}
        action={(form) => {
          form.set('scheduleId', scheduleId);
          return actions.saveTimeZone(form);
        }}
      />
      <WeeklyHoursForm initialWeek={weeklyHours} save={(input) => actions.saveWeeklyHours(inSchedule(input))} />
      <DateOverridesSection
        overrides={upcomingOverrides}
        today={today}
        save={(input) => actions.saveDateOverride(inSchedule(input))}
        remove={(input) => actions.removeDateOverride(inSchedule(input))}
        addTimeOff={(input) => actions.addTimeOff(inSchedule(input))}
      />
    </>
  );
}
