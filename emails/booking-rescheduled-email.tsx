import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingRescheduledData extends BookingEmailData {
  /** The old time, formatted like `when`. */
  previousWhen: string;
  /** Who moved it, as the recipient knows them: "you", "Ada Lovelace". */
  movedBy: string;
  /** The host moved it for the invitee (the invitee's email then says so, with the host's note). */
  movedByHost?: boolean;
  /** What the host wrote when moving it for the invitee (invitee emails only). */
  hostMessage?: string | null;
}

/** One message for a move, old and new time together (not a cancellation plus a confirmation). */
export function bookingRescheduledLayout(data: BookingRescheduledData): BookingEmailProps {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const byHostForInvitee = data.recipient === 'invitee' && data.movedByHost === true;
  return {
    ...detailsOf(data),
    previousWhen: data.previousWhen,
    preview: `Rescheduled: ${data.meetingName} with ${withWhom}`,
    heading: byHostForInvitee ? `${data.hostName} moved your meeting` : 'This meeting has a new time',
    intro: byHostForInvitee
      ? `${data.hostName} moved ${data.meetingName} to the new time below. The attached invitation replaces the old one; if the new time does not suit you, reschedule or cancel below.`
      : `${data.movedBy === 'you' ? 'You' : data.movedBy} moved ${data.meetingName}. The attached invitation replaces the old one.`,
    message: data.hostMessage ? { title: `Message from ${data.hostName}`, text: data.hostMessage } : null,
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
