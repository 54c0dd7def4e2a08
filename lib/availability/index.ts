export { answerAvailability, type AvailabilityDeps } from './answer-availability';
export { availabilityQuerySchema, MAX_RANGE_DAYS } from './schemas';
export { SlotList } from './slot-list';
