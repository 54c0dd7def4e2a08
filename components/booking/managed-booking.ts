import type { ManagedBooking } from '@/lib/booking/managed-booking';
import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';

export type { ManagedBooking, ManagePageProps } from '@/lib/booking/managed-booking';

export function bookingPageHref(meetingType: PublicMeetingTypeDetails): string {
  return `/${meetingType.host.username}/${meetingType.slug}`;
}

/** Why a booking can no longer be changed, or null when it can. */
export function inactiveReason(status: ManagedBooking['status']): string | null {
  if (status === 'cancelled') return 'This booking has been cancelled.';
  if (status === 'rescheduled') return 'This booking was moved to a new time. Use the links for the new booking instead.';
  return null;
}
