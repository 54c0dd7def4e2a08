import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { prefixOf, robotsOf, type Surface } from '@/app/public-pages';
import { answerOpeningSlots, availabilityDeps } from '@/lib/availability';
import { db } from '@/lib/database';
import { findPublicTeam, findPublicTeamMeetingType, teamPagePath } from '@/lib/hosts/public-team';
import { BookingFlow } from '@/components/booking/booking-flow';
import { readBookingPageQuery, type SearchParams } from '@/components/booking/booking-page-query';
import { EmbedRoot } from '@/components/embed/embed-root';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { LanguagePicker } from '@/components/booking/language-picker';
import { HostIntro, MeetingTypeList } from '@/components/booking/meeting-type-list';

// A team's public page and booking page (/team/{slug}…) and their frames (/embed/team/{slug}…): the
// same components as a host's, with the team in the host's place. Which member is free or gets the
// booking never reaches the page; the booking form posts the team type's id to POST /api/v1/bookings.

interface TeamProps {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}

export function teamPage(surface: Surface) {
  const loadTeam = cache((slug: string) => findPublicTeam(db(), slug));

  async function generateMetadata({ params }: TeamProps): Promise<Metadata> {
    const team = await loadTeam((await params).team);
    const t = await getTranslations('invitee.hostPage');
    return { title: team ? t('title', { host: team.name }) : t('notFound'), ...robotsOf(surface) };
  }

  async function TeamPage({ params, searchParams }: TeamProps) {
    const { carried } = readBookingPageQuery(await searchParams);
    const team = await loadTeam((await params).team);
    if (!team) notFound();
    const content = (
      <>
        <LanguagePicker standalone />
        <HostIntro name={team.name} />
        <MeetingTypeList username={teamPagePath(team.slug)} meetingTypes={team.meetingTypes} pathPrefix={prefixOf(surface)} query={carried} team />
      </>
    );
    return <InviteeIntl>{surface.embedded ? <EmbedRoot>{content}</EmbedRoot> : <main className="page">{content}</main>}</InviteeIntl>;
  }

  return { generateMetadata, TeamPage };
}

interface TeamMeetingTypeProps {
  params: Promise<{ team: string; slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function teamMeetingTypePage(surface: Surface) {
  // Metadata and page ask for the same row; one query per request.
  const loadMeetingType = cache((team: string, slug: string) => findPublicTeamMeetingType(db(), team, slug));

  async function generateMetadata({ params }: TeamMeetingTypeProps): Promise<Metadata> {
    const { team, slug } = await params;
    const meetingType = await loadMeetingType(team, slug);
    const t = await getTranslations('invitee');
    const robots = meetingType?.isSecret ? { robots: { index: false } } : robotsOf(surface);
    return { title: meetingType ? t('meeting.title', { meeting: meetingType.name, host: meetingType.host.name }) : t('hostPage.notFound'), ...robots };
  }

  async function TeamMeetingTypePage({ params, searchParams }: TeamMeetingTypeProps) {
    const { team, slug } = await params;
    const { prefill, tracking } = readBookingPageQuery(await searchParams);
    const meetingType = await loadMeetingType(team, slug);
    if (!meetingType) notFound();
    // The first month's times come with the page, from the same team answer and caches as the API.
    const openingSlots = await answerOpeningSlots(availabilityDeps(), meetingType.id, Date.now());
    return (
      <InviteeIntl>
        <BookingFlow meetingType={meetingType} embedded={surface.embedded} prefill={prefill} tracking={tracking} openingSlots={openingSlots} />
      </InviteeIntl>
    );
  }

  return { generateMetadata, TeamMeetingTypePage };
}
