import type { ManagedBooking } from '@/lib/booking/managed-booking';
import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';

export type { ManagedBooking, ManagePageProps } from '@/lib/booking/managed-booking';

export function bookingPageHref(meetingType: PublicMeetingTypeDetails): string {
  return `/${meetingType.host.username}/${meetingType.slug}`;
}

/** Why a booking can no longer be changed (its `invitee.manage` message), or null when it can. */
export function inactiveReason(status: ManagedBooking['status']): 'cancelledStatus' | 'rescheduledStatus' | null {
  if (status === 'cancelled') return 'cancelledStatus';
  if (status === 'rescheduled') return 'rescheduledStatus';
  return null;
}
