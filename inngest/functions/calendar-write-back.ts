import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { ReauthRequiredError } from '@/lib/calendars/access-token';
import { type BookingChange, writeBookingEvent } from '@/lib/calendars/write-back';
import type { DispatchedEvent } from '../events';
import { defineJob } from './job';

// Bookings onto the host's calendar: create on confirm, move on reschedule, delete on cancel.
// A connection that needs reconnecting is not retried: the host has been told, and its banner shows.

function changeOf(event: DispatchedEvent<'booking/confirmed' | 'booking/cancelled' | 'booking/rescheduled'>): BookingChange {
  if (event.name === 'booking/cancelled') return { kind: 'cancelled' };
  if (event.name === 'booking/rescheduled') return { kind: 'rescheduled', previousBookingId: (event.data as { previousBookingId: string }).previousBookingId };
  return { kind: 'confirmed' };
}

export const calendarWriteBack = defineJob({
  id: 'calendar-write-back',
  name: 'Write a booking to the host’s calendar (create, move or delete its event)',
  triggers: ['booking/confirmed', 'booking/cancelled', 'booking/rescheduled'],
  retries: 8,
  handler: async ({ event, step }) =>
    step.run('write-calendar-event', async () => {
      try {
        return await writeBookingEvent({ database: db(), store: cacheStore() }, event.data.bookingId, changeOf(event));
      } catch (error) {
        if (error instanceof ReauthRequiredError) return 'reauth_required';
        throw error;
      }
    }),
});
