import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { BookingFlow } from '@/components/booking/booking-flow';
import { readBookingPageQuery, type SearchParams } from '@/components/booking/booking-page-query';
import { db } from '@/db/client';
import { findRenamedUsername } from '@/lib/hosts/accounts/username-redirects';
import { findPublicMeetingType } from '@/lib/hosts/public-meeting-type';

interface Props {
  params: Promise<{ username: string; slug: string }>;
  searchParams: Promise<SearchParams>;
}

const loadMeetingType = cache((username: string, slug: string) => findPublicMeetingType(db(), username, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username, slug } = await params;
  const meetingType = await loadMeetingType(username, slug);
  return { title: meetingType ? `${meetingType.name} with ${meetingType.host.name}` : 'Not found', robots: { index: false } };
}

// The booking page for other sites' frames: the same flow, no site chrome, prefill and utm_* from the query.
export default async function EmbeddedMeetingTypePage({ params, searchParams }: Props) {
  const { username, slug } = await params;
  const { prefill, tracking, carried } = readBookingPageQuery(await searchParams);
  const meetingType = await loadMeetingType(username, slug);
  if (!meetingType) {
    const renamed = await findRenamedUsername(db(), username);
    if (renamed) permanentRedirect(`/embed/${renamed}/${encodeURIComponent(slug)}${carried}`);
    notFound();
  }
  return <BookingFlow meetingType={meetingType} embedded prefill={prefill} tracking={tracking} />;
}
