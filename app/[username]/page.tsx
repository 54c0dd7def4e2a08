import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { readBookingPageQuery, type SearchParams } from '@/components/booking/booking-page-query';
import { MeetingTypeList } from '@/components/booking/meeting-type-list';
import { db } from '@/db/client';
import { findRenamedUsername } from '@/lib/hosts/accounts/username-redirects';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';

interface Props {
  params: Promise<{ username: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const host = await findPublicHostProfile(db(), (await params).username);
  return { title: host ? `Book time with ${host.name}` : 'Not found' };
}

export default async function HostPage({ params, searchParams }: Props) {
  const { username } = await params;
  // Prefill and utm_* on a link to the host's page reach the booking page the invitee picks.
  const { carried } = readBookingPageQuery(await searchParams);
  const host = await findPublicHostProfile(db(), username);
  if (!host) {
    // A host who changed their username: old links keep working.
    const renamed = await findRenamedUsername(db(), username);
    if (renamed) permanentRedirect(`/${renamed}${carried}`);
    notFound();
  }
  return (
    <main className="page">
      <h1>{host.name}</h1>
      <p className="lead">Pick a meeting type to see open times. Times are shown in your own time zone.</p>
      <MeetingTypeList username={host.username} meetingTypes={host.meetingTypes} query={carried} />
    </main>
  );
}
