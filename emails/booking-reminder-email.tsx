import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingReminderData extends BookingEmailData {
  /** The time actually left, in the recipient's language: "in 24 hours", "in 1 hour", "in 40 minutes". */
  startsIn: string;
}

/** 24 hours and 1 hour before: to the invitee, and to the host who opted in. */
export function bookingReminderLayout(data: BookingReminderData): BookingEmailProps {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  const words = { meeting: data.meetingName, withWhom, startsIn: data.startsIn };
  return {
    ...detailsOf(data),
    preview: data.t('reminderPreview', words),
    heading: data.t('reminderHeading', words),
    intro: data.t('reminderIntro', words),
    actions: manageActions(data),
  };
}

export default function BookingReminderEmail(data: BookingReminderData) {
  return <BookingEmail {...bookingReminderLayout(data)} />;
}

BookingReminderEmail.PreviewProps = { ...sampleInvitee, startsIn: 'in 24 hours' } satisfies BookingReminderData;
