'use server';

import { z } from 'zod';
import { hostAction } from '@/lib/actions/host-action';
import { calendarSettingsSchema, updateCalendarSettings } from '@/lib/calendars/calendar-settings';
import { disconnectConnection } from '@/lib/calendars/disconnect';
import { addFeedSchema, addIcsFeed } from '@/lib/calendars/ics/add-feed';
import { syncNow, syncNowSchema } from '@/lib/calendars/sync-now';

// The integrations page's actions; each goes through hostAction (session → zod → lib → one result shape).

export const addIcsFeedAction = hostAction(addFeedSchema, (input, ctx) => addIcsFeed(ctx, input));

export const updateCalendarAction = hostAction(calendarSettingsSchema, (input, ctx) => updateCalendarSettings(ctx, input));

export const disconnectAction = hostAction(z.object({ connectionId: z.uuid() }), async (input, ctx) => {
  await disconnectConnection(ctx, input);
  return { connectionId: input.connectionId };
});

export const syncNowAction = hostAction(syncNowSchema, (input, ctx) => syncNow(ctx, input));
