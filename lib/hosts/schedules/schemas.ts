import { z } from 'zod';
import { singleLineText, timeZoneField } from '@/lib/api-fields';

// What the schedule editors may send. Ids are checked for shape in rows.ts (a 404, like a miss).

export const MAX_SCHEDULE_NAME_LENGTH = 100;

const scheduleName = z.string({ error: 'Enter a name' }).pipe(singleLineText(MAX_SCHEDULE_NAME_LENGTH)).pipe(z.string().min(1, 'Enter a name'));
const scheduleId = z.string().max(64);

/** The schedule an availability verb acts on; absent means the host's default schedule. */
export const scheduleIdField = { scheduleId: scheduleId.optional() };

/** A new schedule: its zone defaults to the host's default schedule's; it starts with no hours. */
export const createScheduleSchema = z.object({ name: scheduleName, timeZone: timeZoneField.optional() });
export type CreateScheduleInput = z.infer<typeof createScheduleSchema>;

export const renameScheduleSchema = z.object({ scheduleId, name: scheduleName });
export type RenameScheduleInput = z.infer<typeof renameScheduleSchema>;

export const scheduleRefSchema = z.object({ scheduleId });
export type ScheduleRef = z.infer<typeof scheduleRefSchema>;
