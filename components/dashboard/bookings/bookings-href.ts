import type { BookingTab } from '@/lib/hosts/bookings/schemas';

/** The list's shareable URL: /dashboard?tab=past&q=ann&cursor=…, leaving out what is the default. */
export function bookingsHref(view: { tab: BookingTab; q?: string; cursor?: string | null }): string {
  const query = new URLSearchParams();
  if (view.tab !== 'upcoming') query.set('tab', view.tab);
  if (view.q) query.set('q', view.q);
  if (view.cursor) query.set('cursor', view.cursor);
  const search = query.toString();
  return search ? `/dashboard?${search}` : '/dashboard';
}
