import { env } from '@/lib/env';

/**
 * Where the host sees a booking: their dashboard, behind their own sign-in. What the host's calendar
 * and emails link to, never the invitee's token links, which anyone reading that calendar could use.
 */
export function hostBookingUrl(bookingId: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}/dashboard/bookings/${bookingId}`;
}

/** The host's public booking page, as they share it. */
export function hostPageUrl(username: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}/${username}`;
}
