'use server';

import { hostAction } from '@/lib/actions/host-action';
import { removeDateOverride } from '@/lib/hosts/availability/remove-date-override';
import { saveDateOverride } from '@/lib/hosts/availability/save-date-override';
import { saveWeeklyHours } from '@/lib/hosts/availability/save-weekly-hours';
import { dateOverrideInputSchema, removeDateOverrideSchema, timeZoneInputSchema, weeklyHoursSchema } from '@/lib/hosts/availability/schemas';
import { setTimeZone } from '@/lib/hosts/availability/set-time-zone';

// The availability page's writes. None takes a host id from the client: the host is the session's.

export const saveWeeklyHoursAction = hostAction(weeklyHoursSchema, (input, ctx) => saveWeeklyHours(ctx, input));

export const saveTimeZoneAction = hostAction(timeZoneInputSchema, (input, ctx) => setTimeZone(ctx, input));

export const saveDateOverrideAction = hostAction(dateOverrideInputSchema, (input, ctx) => saveDateOverride(ctx, input));

export const removeDateOverrideAction = hostAction(removeDateOverrideSchema, (input, ctx) => removeDateOverride(ctx, input));
