export { cancelBooking } from './cancel-booking';
export { createBooking } from './create-booking';
export { findBookingByToken } from './find-booking';
export { presentBooking, type PublicBooking } from './present';
export { rescheduleBooking } from './reschedule-booking';
export {
  cancelBookingSchema,
  createBookingSchema,
  idempotencyKeyField,
  rescheduleBookingSchema,
  timeZoneField,
} from './schemas';
