import { bookingCancellation } from './booking-cancellation';
import { bookingConfirmation } from './booking-confirmation';
import { bookingReminders } from './booking-reminders';
import { bookingRescheduled } from './booking-rescheduled';
import type { JobDefinition } from './job';

/** Every job, registered once: the Inngest adapter and the inline runner both read this list. */
export const jobs = [bookingConfirmation, bookingReminders, bookingCancellation, bookingRescheduled] as unknown as readonly JobDefinition[];
