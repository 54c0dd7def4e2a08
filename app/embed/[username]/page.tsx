import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { EmbedRoot } from '@/components/booking/embed-root';
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
  return { title: host ? `Book time with ${host.name}` : 'Not found', robots: { index: false } };
}

// The host's page for other sites' frames (any site may frame /embed/…, see lib/security-headers.ts).
export default async function EmbeddedHostPage({ params, searchParams }: Props) {
  const { username } = await params;
  const { carried } = readBookingPageQuery(await searchParams);
  const host = await findPublicHostProfile(db(), username);
  if (!host) {
    const renamed = await findRenamedUsername(db(), username);
    if (renamed) permanentRedirect(`/embed/${renamed}${carried}`);
    notFound();
  }
  return (
    <EmbedRoot>
      <h1>{host.name}</h1>
      <p className="lead">Pick a meeting type to see open times. Times are shown in your own time zone.</p>
      <MeetingTypeList username={host.username} meetingTypes={host.meetingTypes} pathPrefix="/embed" query={carried} />
    </EmbedRoot>
  );
}
