import { accountEmail } from './account-email';
import { bookingCancellation } from './booking-cancellation';
import { bookingConfirmation } from './booking-confirmation';
import { bookingReminders } from './booking-reminders';
import { bookingRescheduled } from './booking-rescheduled';
import { calendarReauthEmail } from './calendar-reauth-email';
import { calendarSyncStoppedEmail } from './calendar-sync-stopped-email';
import { calendarWriteBack } from './calendar-write-back';
import type { JobDefinition } from './job';

/**
 * Every job, registered once: the Inngest adapter and the inline runner both read this list. Inline
 * runs them in this order, so the calendar event (and its video link) exists before the emails go out.
 */
export const jobs = [calendarWriteBack, bookingConfirmation, bookingReminders, bookingCancellation, bookingRescheduled, calendarReauthEmail, calendarSyncStoppedEmail, accountEmail] as unknown as readonly JobDefinition[];
