// The pure scheduling engine: plain data and instants in, slots out. No I/O, no clock.
export type { BookedRange, DateOverride, Interval, MeetingPolicy, OfferedSlot, ScheduleInput, SlotRejection, SlotValidation, WeeklyRule } from './types';
export { computeSlots } from './compute-slots';
export { validateSlot } from './validate-slot';
// Group events: seats of one start share its time; the same steps with `seatsLeft`.
export { computeOfferedSlots, validateOfferedSlot } from './seats';
// The troubleshooter: every candidate of one date and why; a separate function, off the normal path.
export { explainSlots, type ExplainedStart, type ExplainInput, type SlotObstacle } from './explain-slots';
// Notice and horizon only bound slot starts, so a cache may apply them after computeSlots with this.
export { resolveSlotPolicy, type SlotPolicy } from './slot-policy';
export { addDays, canonicalTimeZone, dayOfWeekOf, isValidTimeZone, localDateOf, localDateRangeToInterval, localDateTimeToInstant } from './time';
export { MS_PER_DAY, MS_PER_MINUTE } from './calendar-date';
export { dateOverrideSchema, localDateSchema, meetingPolicySchema, timeOfDaySchema, timeZoneSchema, weeklyRuleSchema } from './schemas';
// Teams: each member's slots from the engine above, merged (round robin) or intersected (collective).
export { combineMemberSlots, computeTeamSlots, freeMembersAt, type TeamSchedulingMode, type TeamSlot } from './team-slots';
