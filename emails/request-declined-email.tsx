import { type ApprovalTranslator, englishApprovalWords } from './components/approval-words';
import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, sampleInvitee } from './components/booking-email';

/** The invitee's request ended without a meeting: the host declined it (maybe with a reason) or nobody answered in time. */
export interface RequestDeclinedData extends BookingEmailData {
  approval: ApprovalTranslator;
  expired: boolean;
  reason: string | null;
  bookAgainUrl: string | null;
}

export function requestDeclinedLayout(data: RequestDeclinedData): BookingEmailProps {
  const { approval } = data;
  const words = { meeting: data.meetingName, host: data.hostName };
  return {
    ...detailsOf(data),
    reason: data.expired ? null : data.reason,
    preview: approval(data.expired ? 'expiredPreview' : 'declinedPreview', words),
    heading: approval(data.expired ? 'expiredHeading' : 'declinedHeading'),
    intro: approval(data.expired ? 'expiredIntro' : 'declinedIntro', words),
    actions: data.bookAgainUrl ? [{ label: approval('pickAnotherTime'), href: data.bookAgainUrl }] : [],
  };
}

export default function RequestDeclinedEmail(data: RequestDeclinedData) {
  return <BookingEmail {...requestDeclinedLayout(data)} />;
}

RequestDeclinedEmail.PreviewProps = {
  ...sampleInvitee,
  approval: englishApprovalWords,
  expired: false,
  reason: 'I am away that week, sorry!',
  bookAgainUrl: 'http://localhost:3000/grace/intro',
} satisfies RequestDeclinedData;
