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

// Metadata and page ask for the same row; one query per request.
const loadMeetingType = cache((username: string, slug: string) => findPublicMeetingType(db(), username, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username, slug } = await params;
  const meetingType = await loadMeetingType(username, slug);
  return { title: meetingType ? `${meetingType.name} with ${meetingType.host.name}` : 'Not found' };
}

export default async function MeetingTypePage({ params, searchParams }: Props) {
  const { username, slug } = await params;
  // `?name=…&email=…` prefill the form; utm_* are stored with the booking (as in the embed).
  const { prefill, tracking, carried } = readBookingPageQuery(await searchParams);
  const meetingType = await loadMeetingType(username, slug);
  if (!meetingType) {
    // A host who changed their username: old links keep working.
    const renamed = await findRenamedUsername(db(), username);
    if (renamed) permanentRedirect(`/${renamed}/${encodeURIComponent(slug)}${carried}`);
    notFound();
  }
  return <BookingFlow meetingType={meetingType} prefill={prefill} tracking={tracking} />;
}
