export { getAvailableSlots, type AvailabilityQuery } from './get-available-slots';
export { availabilityQuerySchema, MAX_RANGE_DAYS } from './schemas';
export { SlotList } from './slot-list';
