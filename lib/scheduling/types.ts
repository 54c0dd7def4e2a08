// Plain data in, plain data out. Instants are epoch milliseconds throughout the engine.

/** Half-open [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A recurring weekly window in the host's wall time. 0 = Sunday; "HH:MM[:SS]", endTime may be "24:00". */
export interface WeeklyRule {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
}

/**
 * Replaces the weekly rules for one host-local date. A date may have several rows (several windows);
 * a row with both times null makes the whole date unavailable.
 */
export interface DateOverride {
  date: string;
  startTime: string | null;
  endTime: string | null;
}

/** A host's confirmed booking; its buffers block time around it. */
export interface BookedRange {
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  meetingTypeId: string;
  /** A seat of a group event: seats of the same meeting type and start share their time (seats.ts). */
  seated?: boolean;
}

export interface MeetingPolicy {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Grid spacing of slot starts; null means 15 minutes. */
  slotIntervalMinutes: number | null;
  minNoticeMinutes: number;
  maxDaysInFuture: number;
  maxBookingsPerDay: number | null;
  /** A group event: up to this many invitees per start (2..1000); null or absent: one. */
  seatsPerSlot?: number | null;
}

export interface ScheduleInput {
  /** The host's IANA time zone; rules and overrides are wall times in it. */
  timeZone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  /** External calendar events, in any order, possibly overlapping. */
  busy: Interval[];
  bookings: BookedRange[];
  meetingType: MeetingPolicy;
  now: number;
}

/** `full`: a group event's occasion at that start has no seat left. */
export type SlotRejection = 'outside_hours' | 'off_grid' | 'busy' | 'too_soon' | 'too_far' | 'daily_limit' | 'full';

export type SlotValidation = { ok: true; slot: Interval } | { ok: false; reason: SlotRejection };

/** An offered start; a group event's also says how many seats it has left. */
export interface OfferedSlot extends Interval {
  seatsLeft?: number;
}
