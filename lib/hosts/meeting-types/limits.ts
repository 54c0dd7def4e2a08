// Limits shared by the meeting type schema (server) and its form (browser); no imports, safe for both.

export const MAX_NAME_LENGTH = 120;
/** A year, the min_change_notice_minutes CHECK (525,600 minutes). */
export const MAX_CHANGE_NOTICE_MINUTES = 525_600;
/** The meeting_types.contact_line column's varchar(200). */
export const MAX_CONTACT_LINE_LENGTH = 200;
/** A group event's seats per start: the meeting_types_seats_per_slot_range CHECK (2..1000). */
export const MIN_SEATS_PER_SLOT = 2;
export const MAX_SEATS_PER_SLOT = 1000;

/**
 * The form's durations: the unit each is stored in and the units the form offers for it (smallest
 * first). The form sends `<name>` and `<name>Unit`; the schema converts.
 */
export const durationFields = {
  durationMinutes: { stored: 'minutes', units: ['minutes', 'hours'] },
  bufferBeforeMinutes: { stored: 'minutes', units: ['minutes', 'hours'] },
  bufferAfterMinutes: { stored: 'minutes', units: ['minutes', 'hours'] },
  minNoticeMinutes: { stored: 'minutes', units: ['minutes', 'hours', 'days'] },
  maxDaysInFuture: { stored: 'days', units: ['days', 'weeks'] },
  slotIntervalMinutes: { stored: 'minutes', units: ['minutes', 'hours'] },
  minChangeNoticeMinutes: { stored: 'minutes', units: ['minutes', 'hours', 'days'] },
} as const satisfies Record<string, { stored: 'minutes' | 'days'; units: readonly ('minutes' | 'hours' | 'days' | 'weeks')[] }>;
export type DurationFieldName = keyof typeof durationFields;
