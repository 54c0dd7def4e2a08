export { answerAvailability, type AvailabilityDeps } from './answer-availability';
export { type OpeningSlots } from './opening-dates';
export { answerOpeningSlots } from './opening-slots';
export { answerHostRescheduleAvailability, answerRescheduleAvailability } from './answer-reschedule-availability';
export { availabilityDeps } from './request-deps';
export { splitRescheduleToken } from './reschedule-token';
export { availabilityQuerySchema, MAX_RANGE_DAYS } from './schemas';
export { SlotList } from './slot-list';
export { freeTeamMembersAt } from './free-team-members';
