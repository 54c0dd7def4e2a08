import type { WebhookEventType } from '@/lib/webhooks/endpoints/schemas';

/** The events a host can pick, in the order the form lists them, with what each means. */
export const webhookEventChoices: readonly { type: WebhookEventType; hint: string }[] = [
  { type: 'booking.created', hint: 'Someone booked a meeting' },
  { type: 'booking.cancelled', hint: 'The invitee or you cancelled one' },
  { type: 'booking.rescheduled', hint: 'A meeting moved to a new time' },
  { type: 'booking.no_show', hint: 'You marked (or unmarked) an invitee as not having come' },
  { type: 'meeting_type.created', hint: 'You made a meeting type' },
  { type: 'meeting_type.updated', hint: 'You changed a meeting type' },
  { type: 'meeting_type.deleted', hint: 'You deleted a meeting type' },
];
