import type { BookingListItem } from '@/lib/hosts/bookings/list';

// Words for a booking's state that the list and the detail page share.

/** Who cancelled, as the host reads it. */
export function cancelledByLabel(by: BookingListItem['cancelledBy']): string {
  if (by === 'host') return 'Cancelled by you';
  if (by === 'invitee') return 'Cancelled by the invitee';
  if (by === 'system') return 'Cancelled by Rendezvous';
  return 'Cancelled';
}

export const NEW_TIME_REQUESTED = 'New time requested';
export const NO_SHOW = 'No-show';
