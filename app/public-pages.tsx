import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { answerOpeningSlots, availabilityDeps } from '@/lib/availability';
import { db } from '@/lib/database';
import { findRenamedUsername } from '@/lib/hosts/accounts/username-redirects';
import { findPublicMeetingType } from '@/lib/hosts/public-meeting-type';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { BookingFlow } from '@/components/booking/booking-flow';
import { readBookingPageQuery, type SearchParams } from '@/components/booking/booking-page-query';
import { EmbedRoot } from '@/components/embed/embed-root';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { OpeningTimesScript } from '@/components/booking/opening-times-script';
import { LanguagePicker } from '@/components/booking/language-picker';
import { HostIntro, MeetingTypeList } from '@/components/booking/meeting-type-list';

// The public host page and booking page, once for the site (/{username}…) and once for other sites'
// frames (/embed/{username}…: no chrome, never indexed). `?name=&email=` prefill the form and utm_* are
// stored with the booking; a renamed host's old links redirect, carrying that query along. They speak
// the invitee's language (negotiated by proxy.ts; `?lang=` is carried like the rest of the query).

export interface Surface {
  embedded: boolean;
}

export const prefixOf = ({ embedded }: Surface) => (embedded ? '/embed' : '');
export const robotsOf = ({ embedded }: Surface): Metadata => (embedded ? { robots: { index: false } } : {});

interface HostProps {
  params: Promise<{ username: string }>;
  searchParams: Promise<SearchParams>;
}

export function hostPage(surface: Surface) {
  async function generateMetadata({ params }: HostProps): Promise<Metadata> {
    const host = await findPublicHostProfile(db(), (await params).username);
    const t = await getTranslations('invitee.hostPage');
    return { title: host ? t('title', { host: host.name }) : t('notFound'), ...robotsOf(surface) };
  }

  async function HostPage({ params, searchParams }: HostProps) {
    const { username } = await params;
    const { carried } = readBookingPageQuery(await searchParams);
    const host = await findPublicHostProfile(db(), username);
    if (!host) {
      const renamed = await findRenamedUsername(db(), username);
      if (renamed) redirect(`${prefixOf(surface)}/${renamed}${carried}`);
      notFound();
    }
    const content = (
      <>
        <LanguagePicker standalone />
        <HostIntro name={host.name} />
        <MeetingTypeList username={host.username} meetingTypes={host.meetingTypes} pathPrefix={prefixOf(surface)} query={carried} />
      </>
    );
    return <InviteeIntl>{surface.embedded ? <EmbedRoot>{content}</EmbedRoot> : <main className="page">{content}</main>}</InviteeIntl>;
  }

  return { generateMetadata, HostPage };
}

interface MeetingTypeProps {
  params: Promise<{ username: string; slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function meetingTypePage(surface: Surface) {
  // Metadata and page ask for the same row; one query per request.
  const loadMeetingType = cache((username: string, slug: string) => findPublicMeetingType(db(), username, slug));

  async function generateMetadata({ params }: MeetingTypeProps): Promise<Metadata> {
    const { username, slug } = await params;
    const meetingType = await loadMeetingType(username, slug);
    const t = await getTranslations('invitee');
    // A secret meeting type is found by its link only: search engines should not list it either.
    const robots = meetingType?.isSecret ? { robots: { index: false } } : robotsOf(surface);
    return { title: meetingType ? t('meeting.title', { meeting: meetingType.name, host: meetingType.host.name }) : t('hostPage.notFound'), ...robots };
  }

  async function MeetingTypePage({ params, searchParams }: MeetingTypeProps) {
    const { username, slug } = await params;
    const { prefill, tracking, carried } = readBookingPageQuery(await searchParams);
    const meetingType = await loadMeetingType(username, slug);
    if (!meetingType) {
      const renamed = await findRenamedUsername(db(), username);
      if (renamed) redirect(`${prefixOf(surface)}/${renamed}/${encodeURIComponent(slug)}${carried}`);
      notFound();
    }
    // The first month's times come with the page (the same service and caches as the API).
    const openingSlots = await answerOpeningSlots(availabilityDeps(), meetingType.id, Date.now());
    return (
      <InviteeIntl>
        <BookingFlow meetingType={meetingType} embedded={surface.embedded} prefill={prefill} tracking={tracking} openingSlots={openingSlots} />
        <OpeningTimesScript openingSlots={openingSlots} />
      </InviteeIntl>
    );
  }

  return { generateMetadata, MeetingTypePage };
}
