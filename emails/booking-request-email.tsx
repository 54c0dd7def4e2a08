import { type ApprovalTranslator, englishApprovalWords } from './components/approval-words';
import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, sampleInvitee } from './components/booking-email';

// A request for a meeting type that requires confirmation. The invitee hears that it arrived (in their
// language, `approval` messages); the host gets Approve and Decline, which open confirm pages (never a
// one-click change), in English like the dashboard.

export interface BookingRequestData extends BookingEmailData {
  approval: ApprovalTranslator;
  /** Invitee: the cancel link, to withdraw the request. */
  withdrawUrl: string | null;
  /** Host: the confirm pages behind the buttons, and until when the request may be answered. */
  approveUrl: string | null;
  declineUrl: string | null;
  answerBy: string | null;
}

export function bookingRequestLayout(data: BookingRequestData): BookingEmailProps {
  const { approval } = data;
  if (data.recipient === 'invitee') {
    const words = { meeting: data.meetingName, host: data.hostName };
    return {
      ...detailsOf(data),
      preview: approval('requestReceivedPreview', words),
      heading: approval('requestReceivedHeading'),
      intro: approval('requestReceivedIntro', words),
      actions: data.withdrawUrl ? [{ label: approval('withdraw'), href: data.withdrawUrl }] : [],
    };
  }
  const deadline = data.answerBy ? ` Unanswered, it is declined automatically on ${data.answerBy}.` : '';
  return {
    ...detailsOf(data),
    preview: `${data.inviteeName} asks for ${data.meetingName}: approve or decline`,
    heading: 'A booking request needs your answer',
    intro: `${data.inviteeName} asked for ${data.meetingName}. The time is held on your calendar until you answer.${deadline}`,
    actions: [
      ...(data.approveUrl ? [{ label: 'Approve', href: data.approveUrl }] : []),
      ...(data.declineUrl ? [{ label: 'Decline', href: data.declineUrl }] : []),
    ],
  };
}

export default function BookingRequestEmail(data: BookingRequestData) {
  return <BookingEmail {...bookingRequestLayout(data)} />;
}

BookingRequestEmail.PreviewProps = {
  ...sampleInvitee,
  approval: englishApprovalWords,
  withdrawUrl: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000/cancel?token=preview',
  approveUrl: null,
  declineUrl: null,
  answerBy: null,
} satisfies BookingRequestData;
