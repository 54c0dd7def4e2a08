// What an email is about; stored as email_notifications.notification_type, so each kind goes to each
// recipient of a booking once.

export const reminderOffsets = { reminder_24h: 24 * 60 * 60 * 1000, reminder_1h: 60 * 60 * 1000 } as const;
export type ReminderKind = keyof typeof reminderOffsets;
export const reminderKinds = Object.keys(reminderOffsets) as ReminderKind[];

/**
 * `new_time_request`: the host asks the invitee to pick a new time (invitee only). `booking_request`: a
 * request awaits the host's approval (both); `request_declined`: declined or expired (invitee only).
 */
export type NoticeKind = 'confirmation' | 'cancellation' | 'rescheduled' | 'new_time_request' | 'booking_request' | 'request_declined' | ReminderKind;
/** Also stored: `handed_over`, to the member a round-robin booking was taken from (send-handed-over.ts). */
export type StoredNoticeKind = NoticeKind | 'handed_over';
export type Recipient = 'invitee' | 'host';
export type ChangedBy = 'invitee' | 'host' | 'system';

/** When a reminder is due for a meeting starting at `start`. */
export function reminderTime(kind: ReminderKind, start: Date): Date {
  return new Date(start.getTime() - reminderOffsets[kind]);
}

/** A late 24-hour reminder (after downtime) is dropped this close to the start: the 1-hour one will do. */
export const DAY_REMINDER_CUTOFF_MS = 2 * 60 * 60 * 1000;
