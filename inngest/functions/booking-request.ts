import { jobsDb } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { decideRequest } from '@/lib/booking/decide-request';
import { AppError } from '@/lib/errors';
import { failPendingEmails, sendBookingRequest, sendRequestDeclined } from '@/lib/notifications/send-notices';
import { defineJob, emailBoth } from './job';

// Requires confirmation: a request is mailed to both (the host's copy carries Approve and Decline);
// one that nobody answers is expired when its time runs out; a refused one is told to the invitee.
// An approval sends `booking/confirmed`, so the usual confirmation job takes it from there.

export const bookingRequest = defineJob({
  id: 'booking-request',
  name: 'Tell the invitee their request arrived, and ask the host to approve or decline it',
  triggers: ['booking/requested'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) => emailBoth(step, (recipient) => sendBookingRequest({ database: jobsDb() }, event.data.bookingId, recipient)),
});

/**
 * Waits until the request's deadline, then expires it if it is still pending (the same compare-and-swap
 * as an approval, so a late approval and the expiry cannot both win). Inline, a wait of hours parks the
 * run and the minute sweep (requestExpirySweep) expires it instead.
 */
export const requestExpiry = defineJob({
  id: 'request-expiry',
  name: 'Decline a request nobody answered in time',
  triggers: ['booking/requested'],
  cancelOn: [
    { event: 'booking/confirmed', if: 'async.data.bookingId == event.data.bookingId' },
    { event: 'booking/declined', if: 'async.data.bookingId == event.data.bookingId' },
    { event: 'booking/cancelled', if: 'async.data.bookingId == event.data.bookingId' },
  ],
  retries: 8,
  handler: async ({ event, step }) => {
    await step.sleepUntil('wait-for-deadline', new Date(event.data.expiresAt));
    return step.run('expire', async () => {
      try {
        const booking = await decideRequest({ database: jobsDb(), store: cacheStore() }, { bookingId: event.data.bookingId, access: { kind: 'system' }, decision: { outcome: 'expire' }, now: Date.now() });
        return booking.status;
      } catch (error) {
        // Decided meanwhile: nothing left to do.
        if (error instanceof AppError && error.code === 'booking_not_active') return 'already-decided';
        throw error;
      }
    });
  },
});

export const requestDeclined = defineJob({
  id: 'request-declined',
  name: 'Tell the invitee their request was declined or expired',
  triggers: ['booking/declined'],
  retries: 8,
  onFailure: (event, error) => failPendingEmails({ database: jobsDb() }, event.data.bookingId, error.message),
  handler: async ({ event, step }) =>
    step.run('email-invitee', () => sendRequestDeclined({ database: jobsDb() }, event.data.bookingId, { reason: event.data.reason, declinedBy: event.data.declinedBy })),
});
