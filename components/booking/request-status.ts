import type { ManagedBooking } from './managed-booking';

/** The `approval` message that says where a request stands on the manage pages, or null for a booking that is no request. */
export function requestStatusKey(status: ManagedBooking['status']): 'pendingStatus' | 'declinedStatus' | 'expiredStatus' | null {
  if (status === 'pending') return 'pendingStatus';
  if (status === 'declined') return 'declinedStatus';
  if (status === 'expired') return 'expiredStatus';
  return null;
}
