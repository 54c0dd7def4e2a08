import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingReminderData extends BookingEmailData {
  /** The time actually left: "in 24 hours", "in 1 hour", "in 40 minutes". */
  startsIn: string;
}

/** 24 hours and 1 hour before: to the invitee, and to the host who opted in. */
export function bookingReminderLayout(data: BookingReminderData): BookingEmailProps {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  return {
    ...detailsOf(data),
    preview: `Reminder: ${data.meetingName} with ${withWhom} starts ${data.startsIn}`,
    heading: `Your meeting starts ${data.startsIn}`,
    intro: `A reminder of ${data.meetingName} with ${withWhom}.`,
    actions: manageActions(data),
    footer: FOOTER,
  };
}

export default function BookingReminderEmail(data: BookingReminderData) {
  return <BookingEmail {...bookingReminderLayout(data)} />;
}

BookingReminderEmail.PreviewProps = { ...sampleInvitee, startsIn: 'in 24 hours' } satisfies BookingReminderData;
