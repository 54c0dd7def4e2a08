import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, sampleInvitee } from './components/booking-email';

export interface BookingCancelledData extends BookingEmailData {
  /** Who cancelled, as the recipient knows them: "you", "Grace Hopper", "Rendezvous". */
  cancelledBy: string;
  reason: string | null;
  /** Where the invitee can book again (invitee emails only). */
  bookAgainUrl: string | null;
}

/** A cancellation with its reason; the attached file (METHOD:CANCEL, same UID) removes the event. */
export function bookingCancelledLayout(data: BookingCancelledData): BookingEmailProps {
  const { t } = data;
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const words = { meeting: data.meetingName, withWhom, by: data.cancelledBy };
  return {
    ...detailsOf(data),
    reason: data.reason,
    preview: t('cancelledPreview', words),
    heading: t('cancelledHeading'),
    intro: data.cancelledBy === 'you' ? t('cancelledByYou', words) : t('cancelledByOther', words),
    actions: data.bookAgainUrl ? [{ label: t('bookAgain'), href: data.bookAgainUrl }] : [],
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
