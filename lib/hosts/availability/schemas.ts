import { z } from 'zod';
import { calendarDateField, timeZoneField } from '@/lib/api-fields';
import { timeOfDaySchema } from '@/lib/scheduling';
import { MAX_WINDOWS_PER_DAY } from './limits';
import { findOverlap, formatWindow, minutesOfDay, type WallWindow } from './wall-windows';
import { weekdayName } from './weekdays';

// What the availability editors may send; every list is bounded (limits.ts).

/** "HH:MM" from 00:00 to 23:59, or 24:00 for the end of the day. */
export const wallTimeField = z
  .string()
  .refine((time) => time.length === 5 && timeOfDaySchema.safeParse(time).success, 'Enter a time as HH:MM, from 00:00 to 24:00');

// Zod 4 runs object refinements even when a field already failed; these compare valid fields only.
const fieldsValid = (payload: { issues: unknown[] }) => payload.issues.length === 0;

export const wallWindowSchema = z
  .object({ startTime: wallTimeField, endTime: wallTimeField })
  .refine((window) => minutesOfDay(window.startTime) < minutesOfDay(window.endTime), { message: 'End must be after start', path: ['endTime'], when: fieldsValid });

const windowsField = z.array(wallWindowSchema).max(MAX_WINDOWS_PER_DAY, `Use at most ${MAX_WINDOWS_PER_DAY} windows a day`);

function overlapMessage(windows: WallWindow[]): string | null {
  const overlap = findOverlap(windows);
  return overlap ? `${formatWindow(overlap[0])} overlaps ${formatWindow(overlap[1])}` : null;
}

/** The whole week; a day left out, or with no windows, is unavailable. Errors sit at `days.<index>…`. */
export const weeklyHoursSchema = z
  .object({
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

/** One date's own hours, or the whole date off. `originalDate` names the override being edited. */
export const dateOverrideInputSchema = z
  .object({
    // The dialog sends "" until a date is picked: say what to do, not "Invalid ISO date".
    date: z.string({ error: 'Choose a date' }).trim().min(1, 'Choose a date').pipe(calendarDateField),
    originalDate: calendarDateField.nullish(),
    unavailable: z.boolean(),
    windows: windowsField,
  })
  .superRefine((input, context) => {
    if (input.unavailable) return;
    if (input.windows.length === 0) context.addIssue({ code: 'custom', message: 'Add at least one window, or mark the date unavailable', path: ['windows'] });
    const overlap = overlapMessage(input.windows);
    if (overlap) context.addIssue({ code: 'custom', message: overlap, path: ['windows'] });
  }, { when: fieldsValid });
export type DateOverrideInput = z.infer<typeof dateOverrideInputSchema>;

export const removeDateOverrideSchema = z.object({ date: calendarDateField });
export type RemoveDateOverrideInput = z.infer<typeof removeDateOverrideSchema>;

export const timeZoneInputSchema = z.object({ timeZone: timeZoneField });
export type TimeZoneInput = z.infer<typeof timeZoneInputSchema>;
