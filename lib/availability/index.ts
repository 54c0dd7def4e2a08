export { answerAvailability, type AvailabilityDeps } from './answer-availability';
export { answerHostRescheduleAvailability, answerRescheduleAvailability } from './answer-reschedule-availability';
export { splitRescheduleToken } from './reschedule-token';
export { availabilityQuerySchema, MAX_RANGE_DAYS } from './schemas';
export { SlotList } from './slot-list';
