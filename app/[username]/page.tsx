import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MeetingTypeList } from '@/components/booking/meeting-type-list';
import { db } from '@/db/client';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';

interface Props {
  params: Promise<{ username: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const host = await findPublicHostProfile(db(), (await params).username);
  return { title: host ? `Book time with ${host.name}` : 'Not found' };
}

export default async function HostPage({ params }: Props) {
  const host = await findPublicHostProfile(db(), (await params).username);
  if (!host) notFound();
  return (
    <main className="page">
      <h1>{host.name}</h1>
      <p className="lead">Pick a meeting type to see open times. Times are shown in your own time zone.</p>
      <MeetingTypeList username={host.username} meetingTypes={host.meetingTypes} />
    </main>
  );
}
