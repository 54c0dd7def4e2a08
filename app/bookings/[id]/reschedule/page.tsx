import { db } from '@/lib/database';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadManagedBooking } from '@/lib/booking/managed-booking';
import { RescheduleFlow } from '@/components/booking/reschedule-flow';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link carries a secret: keep it out of search indexes and out of Referer headers.
export const metadata: Metadata = { title: 'Reschedule booking', robots: { index: false }, referrer: 'no-referrer' };

export default async function RescheduleBookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { token } = await searchParams;
  const managed = await loadManagedBooking(db(), id, token, 'reschedule');
  if (!managed) notFound();
  return <RescheduleFlow {...managed} />;
}
