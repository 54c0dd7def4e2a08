import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DistributionTable } from '@/components/dashboard/team-distribution/distribution-table';
import bookingStyles from '@/components/dashboard/bookings/bookings.module.css';
import styles from '@/components/dashboard/dashboard.module.css';
import { requireHostForPage } from '@/lib/auth/current-host';
import { loadTeamDistribution } from '@/lib/booking/team/distribution';
import { db } from '@/lib/database';

export const metadata: Metadata = { title: 'Booking distribution' };

// Members only: anyone else gets the same 404 as an unknown team, so team slugs cannot be probed.
export default async function TeamDistributionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/teams/${encodeURIComponent(slug)}/distribution`);
  const distribution = await loadTeamDistribution(db(), hostUserId, slug, Date.now());
  if (!distribution) notFound();
  return (
    <>
      <Link href={`/dashboard/teams/${encodeURIComponent(distribution.team.slug)}`} className={bookingStyles.back}>
        ← {distribution.team.name}
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Round-robin bookings, last 30 days</h1>
      </div>
      {distribution.types.length === 0 ? <p>This team has no round-robin meeting types.</p> : distribution.types.map((type) => <DistributionTable key={type.id} type={type} />)}
    </>
  );
}
