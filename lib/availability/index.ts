export { answerAvailability, type AvailabilityDeps } from './answer-availability';
export { answerRescheduleAvailability, splitRescheduleToken } from './answer-reschedule-availability';
export { availabilityQuerySchema, MAX_RANGE_DAYS } from './schemas';
export { SlotList } from './slot-list';
