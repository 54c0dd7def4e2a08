import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, sampleInvitee } from './components/booking-email';

export interface BookingCancelledData extends BookingEmailData {
  /** Who cancelled, as the recipient knows them: "you", "Grace Hopper", "Rendezvous". */
  cancelledBy: string;
  reason: string | null;
  /** Where the invitee can book again (invitee emails only). */
  bookAgainUrl: string | null;
}

/** A cancellation with its reason; the attached file (METHOD:CANCEL, same UID) removes the event. */
export function bookingCancelledLayout(data: BookingCancelledData): BookingEmailProps {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const byYou = data.cancelledBy === 'you';
  return {
    ...detailsOf(data),
    reason: data.reason,
    preview: `Cancelled: ${data.meetingName} with ${withWhom}`,
    heading: 'This meeting was cancelled',
    intro: `${byYou ? 'You' : data.cancelledBy} cancelled ${data.meetingName} with ${byYou ? withWhom : 'you'}.`,
    actions: data.bookAgainUrl ? [{ label: 'Book another time', href: data.bookAgainUrl }] : [],
    footer: FOOTER,
  };
}

export default function BookingCancelledEmail(data: BookingCancelledData) {
  return <BookingEmail {...bookingCancelledLayout(data)} />;
}

BookingCancelledEmail.PreviewProps = {
  ...sampleInvitee,
  cancelledBy: 'Grace Hopper',
  reason: 'Something came up, sorry!',
  bookAgainUrl: 'http://localhost:3000/grace/intro',
} satisfies BookingCancelledData;
