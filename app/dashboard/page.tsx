import type { Metadata } from 'next';
import { formatZoneLabel } from '@/components/booking/format-time';
import { BookingList } from '@/components/dashboard/bookings/booking-list';
import { BookingPager } from '@/components/dashboard/bookings/booking-pager';
import { BookingSearch } from '@/components/dashboard/bookings/booking-search';
import { BookingTabs } from '@/components/dashboard/bookings/booking-tabs';
import { BookingsEmpty } from '@/components/dashboard/bookings/bookings-empty';
import { OnboardingChecklist } from '@/components/dashboard/onboarding/onboarding-checklist';
import bookingStyles from '@/components/dashboard/bookings/bookings.module.css';
import styles from '@/components/dashboard/dashboard.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { bookingListQuerySchema } from '@/lib/hosts/bookings/schemas';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { loadOnboardingChecklist } from '@/lib/hosts/onboarding/checklist';
import { hostPageUrl } from '@/lib/app-urls';
import { onboardingMarkAction } from './actions';

export const metadata: Metadata = { title: 'Bookings' };

// The session (its version check), then at once: the host's zone, one page of bookings and the
// first-run checklist (one small read once hidden). See lib/hosts/bookings/list.ts for the index
// that keeps a page cheap.
export default async function BookingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const hostUserId = await requireHostForPage('/dashboard');
  const query = bookingListQuerySchema.parse(await searchParams);
  const [host, page, checklist] = await Promise.all([
    findHostSummary(db(), hostUserId),
    listHostBookings(db(), hostUserId, query, new Date()),
    loadOnboardingChecklist(db(), hostUserId),
  ]);
  const timeZone = host?.timeZone ?? 'UTC';
  const onLaterPage = Boolean(query.cursor);
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Bookings</h1>
      </div>
      {checklist ? <OnboardingChecklist checklist={checklist} pageUrl={hostPageUrl(checklist.username)} mark={onboardingMarkAction} /> : null}
      <BookingTabs current={query.tab} q={query.q} />
      <BookingSearch tab={query.tab} q={query.q} />
      {page.items.length === 0 ? (
        <BookingsEmpty tab={query.tab} q={query.q} onLaterPage={onLaterPage} />
      ) : (
        <>
          <p className={bookingStyles.zoneNote}>Times in your time zone, {formatZoneLabel(timeZone, new Date())}.</p>
          <BookingList items={page.items} timeZone={timeZone} hourCycle={host?.hourCycle ?? '12h'} tab={query.tab} />
        </>
      )}
      <BookingPager tab={query.tab} q={query.q} onLaterPage={onLaterPage} nextCursor={page.nextCursor} />
    </>
  );
}
