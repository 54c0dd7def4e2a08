import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, manageActions, sampleInvitee } from './components/booking-email';

/** A new booking: to the invitee (with their manage links) and to the host. */
export function bookingConfirmedLayout(data: BookingEmailData): BookingEmailProps {
  const { t } = data;
  const names = { meeting: data.meetingName, host: data.hostName, invitee: data.inviteeName };
  const toInvitee = data.recipient === 'invitee';
  return {
    ...detailsOf(data),
    preview: toInvitee ? t('confirmedPreview', names) : t('hostConfirmedPreview', names),
    heading: toInvitee ? t('confirmedHeading') : t('hostConfirmedHeading'),
    intro: toInvitee ? t('confirmedIntro', names) : t('hostConfirmedIntro', names),
    actions: manageActions(data),
  };
}

export default function BookingConfirmedEmail(data: BookingEmailData) {
  return <BookingEmail {...bookingConfirmedLayout(data)} />;
}

BookingConfirmedEmail.PreviewProps = sampleInvitee;
