import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingRescheduledData extends BookingEmailData {
  /** The old time, formatted like `when`. */
  previousWhen: string;
  /** Who moved it, as the recipient knows them: "you", "Ada Lovelace". */
  movedBy: string;
}

/** One message for a move, old and new time together (not a cancellation plus a confirmation). */
export function bookingRescheduledLayout(data: BookingRescheduledData): BookingEmailProps {
  const { t } = data;
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const words = { meeting: data.meetingName, withWhom, by: data.movedBy };
  return {
    ...detailsOf(data),
    previousWhen: data.previousWhen,
    preview: t('rescheduledPreview', words),
    heading: t('rescheduledHeading'),
    intro: data.movedBy === 'you' ? t('movedByYou', words) : t('movedByOther', words),
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
