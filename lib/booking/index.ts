export { cancelBooking } from './cancel-booking';
export { createBooking } from './create-booking';
export { findInviteFile } from './find-invite-file';
export { type BookingAccess, findBookingByLink, findBookingByToken, findBookingFor } from './find-booking';
export { presentBooking, type PublicBooking } from './present';
export { rescheduleBooking } from './reschedule-booking';
export { cancelBookingSchema, createBookingSchema, rescheduleBookingSchema } from './schemas';
