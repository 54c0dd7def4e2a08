import type { BookingTab } from '@/lib/hosts/bookings/schemas';
import dashboardStyles from '../dashboard.module.css';

const messages: Record<BookingTab, string> = {
  upcoming: 'No upcoming bookings. When someone books a time on your page, it shows up here.',
  pending: 'No requests waiting for your approval. Meeting types that require confirmation put their requests here.',
  past: 'No past meetings yet.',
  cancelled: 'No cancelled bookings.',
};

/** What an empty tab says: why it is empty, and for a search, what was searched for. */
export function BookingsEmpty({ tab, q, onLaterPage }: { tab: BookingTab; q: string; onLaterPage: boolean }) {
  let message = messages[tab];
  if (q) message = `No ${tab} bookings match “${q}”.`;
  if (onLaterPage) message = 'No more bookings.';
  return <p className={dashboardStyles.empty}>{message}</p>;
}
