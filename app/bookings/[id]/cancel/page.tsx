import { db } from '@/lib/database';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { CancelBookingPanel } from '@/components/booking/cancel-booking-panel';
import { loadManagedBooking } from '@/lib/booking/managed-booking';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link carries a secret: keep it out of search indexes and out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitee.manage');
  return { title: t('cancelTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function CancelBookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { token } = await searchParams;
  const managed = await loadManagedBooking(db(), id, token, 'cancel');
  if (!managed) notFound();
  return (
    <InviteeIntl>
      <CancelBookingPanel {...managed} />
    </InviteeIntl>
  );
}
