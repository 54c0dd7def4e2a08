import Link from 'next/link';
import type { BookingTab } from '@/lib/hosts/bookings/schemas';
import { bookingsHref } from './bookings-href';
import styles from './bookings.module.css';

const labels: Record<BookingTab, string> = { upcoming: 'Upcoming', pending: 'Pending', past: 'Past', cancelled: 'Cancelled' };

/** Tabs as links (shareable URLs that work without JavaScript); a search carries over to the other tabs. */
export function BookingTabs({ current, q }: { current: BookingTab; q: string }) {
  return (
    <nav aria-label="Bookings" className={styles.tabs}>
      {(Object.keys(labels) as BookingTab[]).map((tab) => (
        <Link key={tab} href={bookingsHref({ tab, q })} className={styles.tab} aria-current={tab === current ? 'page' : undefined}>
          {labels[tab]}
        </Link>
      ))}
    </nav>
  );
}
