import { jobsDb } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { ReauthRequiredError } from '@/lib/calendars/access-token';
import { type BookingChange, writeBookingEvent, type WriteOutcome } from '@/lib/calendars/write-back';
import type { DispatchedEvent } from '@/lib/jobs/events';
import { defineJob, type JobStep } from './job';

// Bookings onto the host's calendar: create on confirm, move on reschedule, delete on cancel.
// A connection that needs reconnecting is not retried: the host has been told, and its banner shows.
// A new booking's event is written by the confirmation job itself, as its first step, so the email
// carries the Meet/Teams link in both modes (booking-confirmation.ts); this job moves and deletes.

function changeOf(event: DispatchedEvent<'booking/confirmed' | 'booking/cancelled' | 'booking/rescheduled'>): BookingChange {
  if (event.name === 'booking/cancelled') return { kind: 'cancelled' };
  if (event.name === 'booking/rescheduled') return { kind: 'rescheduled', previousBookingId: (event.data as { previousBookingId: string }).previousBookingId };
  return { kind: 'confirmed' };
}

/** The write-back as one retried step: throws on a transient failure (the step is tried again). */
export function writeBackStep(step: JobStep, event: DispatchedEvent<'booking/confirmed' | 'booking/cancelled' | 'booking/rescheduled'>, id = 'write-calendar-event') {
  return step.run(id, async (): Promise<WriteOutcome | 'reauth_required'> => {
    try {
      return await writeBookingEvent({ database: jobsDb(), store: cacheStore() }, event.data.bookingId, changeOf(event));
    } catch (error) {
      if (error instanceof ReauthRequiredError) return 'reauth_required';
      throw error;
    }
  });
}

/**
 * One attempt, for a step that must not hold up what follows (the confirmation email): a failure is
 * an answer ('failed'), and the caller retries later with writeBackStep.
 */
export function tryWriteBackOnce(step: JobStep, event: DispatchedEvent<'booking/confirmed'>) {
  return step.run('write-calendar-event', async (): Promise<WriteOutcome | 'reauth_required' | 'failed'> => {
    try {
      return await writeBookingEvent({ database: jobsDb(), store: cacheStore() }, event.data.bookingId, { kind: 'confirmed' });
    } catch (error) {
      if (error instanceof ReauthRequiredError) return 'reauth_required';
      return 'failed';
    }
  });
}

export const calendarWriteBack = defineJob({
  id: 'calendar-write-back',
  name: 'Move or delete a booking’s event on the host’s calendar',
  triggers: ['booking/cancelled', 'booking/rescheduled'],
  retries: 8,
  handler: async ({ event, step }) => writeBackStep(step, event),
});
