import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, manageActions, sampleInvitee } from './components/booking-email';

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
  const { t } = data;
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const words = { meeting: data.meetingName, withWhom, by: data.movedBy, host: data.hostName };
  const byHostForInvitee = data.recipient === 'invitee' && data.movedByHost === true;
  return {
    ...detailsOf(data),
    previousWhen: data.previousWhen,
    preview: t('rescheduledPreview', words),
    heading: byHostForInvitee ? t('movedByHostHeading', words) : t('rescheduledHeading'),
    intro: byHostForInvitee ? t('movedByHostIntro', words) : data.movedBy === 'you' ? t('movedByYou', words) : t('movedByOther', words),
    message: data.hostMessage ? { title: t('messageFrom', words), text: data.hostMessage } : null,
    actions: manageActions(data),
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
