import { ButtonLink } from '@/components/ui/button';
import type { BookingTab } from '@/lib/hosts/bookings/schemas';
import { bookingsHref } from './bookings-href';
import styles from './bookings.module.css';

/** Keyset pages go forward only; the way back is the first page (or the browser's Back). */
export function BookingPager({ tab, q, onLaterPage, nextCursor }: { tab: BookingTab; q: string; onLaterPage: boolean; nextCursor: string | null }) {
  if (!onLaterPage && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className={styles.pager}>
      {onLaterPage ? (
        <ButtonLink variant="ghost" href={bookingsHref({ tab, q })}>
          ← First page
        </ButtonLink>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <ButtonLink variant="secondary" href={bookingsHref({ tab, q, cursor: nextCursor })}>
          Next page →
        </ButtonLink>
      ) : null}
    </nav>
  );
}
