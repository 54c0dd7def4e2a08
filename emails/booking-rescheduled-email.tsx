import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingRescheduledData extends BookingEmailData {
  /** The old time, formatted like `when`. */
  previousWhen: string;
  /** Who moved it, as the recipient knows them: "you", "Ada Lovelace". */
  movedBy: string;
}

/** One message for a move, old and new time together (not a cancellation plus a confirmation). */
export function bookingRescheduledLayout(data: BookingRescheduledData): BookingEmailProps {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  return {
    ...detailsOf(data),
    previousWhen: data.previousWhen,
    preview: `Rescheduled: ${data.meetingName} with ${withWhom}`,
    heading: 'This meeting has a new time',
    intro: `${data.movedBy === 'you' ? 'You' : data.movedBy} moved ${data.meetingName}. The attached invitation replaces the old one.`,
    actions: manageActions(data),
    footer: FOOTER,
  };
}

export default function BookingRescheduledEmail(data: BookingRescheduledData) {
  return <BookingEmail {...bookingRescheduledLayout(data)} />;
}

BookingRescheduledEmail.PreviewProps = {
  ...sampleInvitee,
  previousWhen: 'Monday, December 7, 2026 · 3:00 PM – 3:30 PM',
  movedBy: 'you',
} satisfies BookingRescheduledData;
