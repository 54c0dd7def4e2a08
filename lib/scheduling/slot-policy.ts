import { MS_PER_DAY, MS_PER_MINUTE } from './calendar-date';
import type { Interval, MeetingPolicy } from './types';

const DEFAULT_SLOT_INTERVAL_MINUTES = 15;

/** A meeting type's rules in milliseconds, with the notice and horizon resolved against `now`. */
export interface SlotPolicy {
  meetingTypeId: string;
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** Distance between candidate starts, measured in elapsed time from each window's start. */
  stepMs: number;
  /** Starts must be >= this (now + minimum notice). */
  earliestStart: number;
  /** Starts must be < this (now + maxDaysInFuture × 24 h). */
  startsBefore: number;
  maxBookingsPerDay: number | null;
}

export function resolveSlotPolicy(meetingType: MeetingPolicy, now: number): SlotPolicy {
  const stepMinutes = meetingType.slotIntervalMinutes ?? DEFAULT_SLOT_INTERVAL_MINUTES;
  // Zero or negative lengths would make the slot grid loop forever; refuse them loudly.
  if (!(meetingType.durationMinutes > 0)) throw new RangeError('durationMinutes must be positive');
  if (!(stepMinutes > 0)) throw new RangeError('slotIntervalMinutes must be positive');
  return {
    meetingTypeId: meetingType.id,
    durationMs: meetingType.durationMinutes * MS_PER_MINUTE,
    bufferBeforeMs: meetingType.bufferBeforeMinutes * MS_PER_MINUTE,
    bufferAfterMs: meetingType.bufferAfterMinutes * MS_PER_MINUTE,
    stepMs: stepMinutes * MS_PER_MINUTE,
    earliestStart: now + meetingType.minNoticeMinutes * MS_PER_MINUTE,
    startsBefore: now + meetingType.maxDaysInFuture * MS_PER_DAY,
    maxBookingsPerDay: meetingType.maxBookingsPerDay,
  };
}

/** The time a slot starting at `start` needs free and inside a window: the meeting plus buffers. */
export function bufferedRange(start: number, policy: SlotPolicy): Interval {
  return { start: start - policy.bufferBeforeMs, end: start + policy.durationMs + policy.bufferAfterMs };
}
