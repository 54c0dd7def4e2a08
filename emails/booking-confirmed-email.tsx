import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, manageActions, sampleInvitee } from './components/booking-email';

/** A new booking: to the invitee (with their manage links) and to the host. */
export function bookingConfirmedLayout(data: BookingEmailData): BookingEmailProps {
  const toInvitee = data.recipient === 'invitee';
  return {
    ...detailsOf(data),
    preview: toInvitee ? `${data.meetingName} with ${data.hostName} is confirmed` : `New booking: ${data.meetingName} with ${data.inviteeName}`,
    heading: toInvitee ? 'Your meeting is confirmed' : 'You have a new booking',
    intro: toInvitee ? `You are booked with ${data.hostName}. The attached invitation adds it to your calendar.` : `${data.inviteeName} booked ${data.meetingName} with you.`,
    actions: manageActions(data),
    footer: FOOTER,
  };
}

export default function BookingConfirmedEmail(data: BookingEmailData) {
  return <BookingEmail {...bookingConfirmedLayout(data)} />;
}

BookingConfirmedEmail.PreviewProps = sampleInvitee;
