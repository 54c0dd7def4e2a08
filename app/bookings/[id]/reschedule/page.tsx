import { db } from '@/lib/database';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { loadManagedBooking } from '@/lib/booking/managed-booking';
import { RescheduleFlow } from '@/components/booking/reschedule-flow';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link carries a secret: keep it out of search indexes and out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitee.manage');
  return { title: t('rescheduleTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function RescheduleBookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { token } = await searchParams;
  const managed = await loadManagedBooking(db(), id, token, 'reschedule');
  if (!managed) notFound();
  return (
    <InviteeIntl>
      <RescheduleFlow {...managed} />
    </InviteeIntl>
  );
}
