import { z } from 'zod';
import { calendarDateField, timeZoneField } from '@/lib/api-fields';
import { scheduleIdField } from '@/lib/hosts/schedules/schemas';
import { timeOfDaySchema } from '@/lib/scheduling';
import { MAX_WINDOWS_PER_DAY } from './limits';
import { daysInRange, MAX_TIME_OFF_DAYS } from './time-off-dates';
import { findOverlap, formatWindow, minutesOfDay, type WallWindow } from './wall-windows';
import { weekdayName } from './weekdays';

// What the availability editors may send; every list is bounded (limits.ts). Each names the schedule it
// edits (`scheduleId`); without one it edits the host's default schedule, as before schedules existed.

/** "HH:MM" from 00:00 to 23:59, or 24:00 for the end of the day. */
export const wallTimeField = z
  .string()
  .refine((time) => time.length === 5 && timeOfDaySchema.safeParse(time).success, 'Enter a time as HH:MM, from 00:00 to 24:00');

// Zod 4 runs object refinements even when a field already failed; these compare valid fields only.
const fieldsValid = (payload: { issues: unknown[] }) => payload.issues.length === 0;

export const wallWindowSchema = z
  .object({ startTime: wallTimeField, endTime: wallTimeField })
  .refine((window) => minutesOfDay(window.startTime) < minutesOfDay(window.endTime), { message: 'End must be after start', path: ['endTime'], when: fieldsValid });

/** A date picked in a dialog: an empty field asks for one, rather than calling "" an invalid ISO date. */
const chosenDateField = z.string('Choose a date').trim().min(1, 'Choose a date').pipe(calendarDateField);

const windowsField = z.array(wallWindowSchema).max(MAX_WINDOWS_PER_DAY, `Use at most ${MAX_WINDOWS_PER_DAY} windows a day`);

function overlapMessage(windows: WallWindow[]): string | null {
  const overlap = findOverlap(windows);
  return overlap ? `${formatWindow(overlap[0])} overlaps ${formatWindow(overlap[1])}` : null;
}

/** The whole week; a day left out, or with no windows, is unavailable. Errors sit at `days.<index>…`. */
export const weeklyHoursSchema = z
  .object({
    ...scheduleIdField,
    days: z
      .array(z.object({ dayOfWeek: z.int().min(0).max(6), windows: windowsField }))
      .max(7),
  })
  .superRefine(({ days }, context) => {
    const seen = new Set<number>();
    days.forEach((day, index) => {
      if (seen.has(day.dayOfWeek)) context.addIssue({ code: 'custom', message: 'Each day may appear only once', path: ['days', index, 'dayOfWeek'] });
      seen.add(day.dayOfWeek);
      const overlap = overlapMessage(day.windows);
      if (overlap) context.addIssue({ code: 'custom', message: `${weekdayName(day.dayOfWeek)}: ${overlap}`, path: ['days', index, 'windows'] });
    });
  }, { when: fieldsValid });
export type WeeklyHoursInput = z.infer<typeof weeklyHoursSchema>;

const overrideHoursShape = { unavailable: z.boolean(), windows: windowsField };

function checkOverrideHours(input: { unavailable: boolean; windows: WallWindow[] }, context: z.RefinementCtx): void {
  if (input.unavailable) return;
  if (input.windows.length === 0) context.addIssue({ code: 'custom', message: 'Add at least one window, or mark the date unavailable', path: ['windows'] });
  const overlap = overlapMessage(input.windows);
  if (overlap) context.addIssue({ code: 'custom', message: overlap, path: ['windows'] });
}

/** One date's own hours, or the whole date off. `originalDate` names the override being edited. */
export const dateOverrideInputSchema = z
  .object({ ...scheduleIdField, date: chosenDateField, originalDate: calendarDateField.nullish(), ...overrideHoursShape })
  .superRefine(checkOverrideHours, { when: fieldsValid });

/** The host API's body for one date (the date is in the path); unknown fields are refused. */
export const dateOverrideApiSchema = z.strictObject(overrideHoursShape).superRefine(checkOverrideHours, { when: fieldsValid });
export type DateOverrideInput = z.infer<typeof dateOverrideInputSchema>;

/**
 * Days off in one go: from–to, both included, or separate dates. Errors sit beside the field: `from`,
 * `to`, `dates` (none chosen) or `dates.<index>`.
 */
export const timeOffInputSchema = z.discriminatedUnion('kind', [
  z
    .object({ ...scheduleIdField, kind: z.literal('range'), from: chosenDateField, to: chosenDateField })
    .refine((range) => range.from <= range.to, { message: 'The last day must be on or after the first', path: ['to'], when: fieldsValid })
    .refine((range) => daysInRange(range.from, range.to) <= MAX_TIME_OFF_DAYS, { message: `Take at most ${MAX_TIME_OFF_DAYS} days off at once`, path: ['to'], when: fieldsValid }),
  z.object({
    ...scheduleIdField,
    kind: z.literal('dates'),
    dates: z.array(chosenDateField).min(1, 'Choose a date').max(MAX_TIME_OFF_DAYS, `Choose at most ${MAX_TIME_OFF_DAYS} dates at once`),
  }),
]);
export type TimeOffInput = z.infer<typeof timeOffInputSchema>;

export const removeDateOverrideSchema = z.object({ ...scheduleIdField, date: calendarDateField });
export type RemoveDateOverrideInput = z.infer<typeof removeDateOverrideSchema>;

export const timeZoneInputSchema = z.object({ ...scheduleIdField, timeZone: timeZoneField });
export type TimeZoneInput = z.infer<typeof timeZoneInputSchema>;
