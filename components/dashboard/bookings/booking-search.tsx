import Form from 'next/form';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { type BookingTab, MAX_SEARCH_LENGTH } from '@/lib/hosts/bookings/schemas';
import { bookingsHref } from './bookings-href';
import styles from './bookings.module.css';

/** A GET form: the search lands in the URL (?tab=…&q=…), starting again from the first page. */
export function BookingSearch({ tab, q }: { tab: BookingTab; q: string }) {
  return (
    <Form action="/dashboard" role="search" className={styles.search}>
      {tab === 'upcoming' ? null : <input type="hidden" name="tab" value={tab} />}
      <div className={styles.searchField}>
        <TextField label="Search by invitee name or email" name="q" type="search" defaultValue={q} maxLength={MAX_SEARCH_LENGTH} autoComplete="off" />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {q ? (
        <Link href={bookingsHref({ tab })} className={styles.clear}>
          Clear search
        </Link>
      ) : null}
    </Form>
  );
}
