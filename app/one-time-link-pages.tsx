import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { answerOpeningSlots, availabilityDeps } from '@/lib/availability';
import { findOneTimeLink } from '@/lib/booking/one-time-links/find-link';
import { db } from '@/lib/database';
import { findPublicMeetingTypeById } from '@/lib/hosts/public-meeting-type';
import { BookingFlow } from '@/components/booking/booking-flow';
import { readBookingPageQuery, type SearchParams } from '@/components/booking/booking-page-query';
import { InviteeIntl } from '@/components/booking/invitee-intl';
import { OpeningTimesScript } from '@/components/booking/opening-times-script';
import { OneTimeLinkRefused } from '@/components/booking/one-time-link-refused';

// A one-time link (/d/{token}, and /embed/d/{token} for other sites' frames): the meeting type's usual
// booking page, whose booking uses the link up. A used, expired or unknown link gets a page that says
// so. The token is a secret: never indexed, never sent on as a Referer (security-headers.ts), and the
// page links to nothing that carries it.

interface Props {
  params: Promise<{ token: string }>;
  searchParams: Promise<SearchParams>;
}

export function oneTimeLinkPage({ embedded }: { embedded: boolean }) {
  async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations('oneTimeLinks');
    return { title: t('pageTitle'), robots: { index: false }, referrer: 'no-referrer' };
  }

  async function OneTimeLinkPage({ params, searchParams }: Props) {
    const { token } = await params;
    const { prefill, tracking } = readBookingPageQuery(await searchParams);
    const now = Date.now();
    const link = await findOneTimeLink(db(), token, now);
    const meetingType = link.state === 'open' ? await findPublicMeetingTypeById(db(), link.meetingTypeId) : null;
    // A meeting type switched off or deleted since the link was made books nothing: the link is void.
    if (!meetingType?.isActive) {
      return (
        <InviteeIntl>
          <OneTimeLinkRefused state={link.state === 'open' ? 'invalid' : link.state} embedded={embedded} />
        </InviteeIntl>
      );
    }
    const openingSlots = await answerOpeningSlots(availabilityDeps(), meetingType.id, now);
    return (
      <InviteeIntl>
        <BookingFlow meetingType={meetingType} embedded={embedded} prefill={prefill} tracking={tracking} openingSlots={openingSlots} oneTimeLinkToken={token} />
        <OpeningTimesScript openingSlots={openingSlots} />
      </InviteeIntl>
    );
  }

  return { generateMetadata, OneTimeLinkPage };
}
