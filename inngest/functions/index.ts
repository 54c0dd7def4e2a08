import { accountEmail } from './account-email';
import { bookingCancellation } from './booking-cancellation';
import { bookingConfirmation } from './booking-confirmation';
import { bookingReminders } from './booking-reminders';
import { bookingRequest, requestDeclined, requestExpiry } from './booking-request';
import { bookingRescheduled } from './booking-rescheduled';
import { calendarReauthEmail } from './calendar-reauth-email';
import { calendarSync } from './calendar-sync';
import { calendarSyncStoppedEmail } from './calendar-sync-stopped-email';
import { calendarWriteBack } from './calendar-write-back';
import type { JobDefinition, ScheduledJob } from './job';
import { newTimeRequested } from './new-time-requested';
import { teamInvitationEmail } from './team-invitation-email';
import { calendarPoll, outboxSweep, requestExpirySweep, webhookRetryPoll } from './scheduled';
import { teamMemberRemoved } from './team-member-removed';
import { webhookDelivery, webhookDisabledEmail, webhookFanOut } from './webhooks';

/**
 * Every job, registered once: the Inngest adapter and the inline runner both read these lists. No job
 * relies on the order: one that needs another's work first does it as its own step (the confirmation
 * writes the calendar event before its emails).
 */
export const jobs = [
  bookingConfirmation,
  bookingReminders,
  bookingCancellation,
  bookingRescheduled,
  newTimeRequested,
  bookingRequest,
  requestExpiry,
  requestDeclined,
  calendarWriteBack,
  calendarSync,
  calendarReauthEmail,
  calendarSyncStoppedEmail,
  accountEmail,
  teamInvitationEmail,
  webhookFanOut,
  webhookDelivery,
  webhookDisabledEmail,
  teamMemberRemoved,
] as unknown as readonly JobDefinition[];

/** Every job on a clock (Inngest cron; inline, a timer per job). */
export const scheduledJobs: readonly ScheduledJob[] = [outboxSweep, calendarPoll, requestExpirySweep, webhookRetryPoll];
