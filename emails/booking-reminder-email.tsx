import { BookingEmail, type BookingEmailData, detailsOf, FOOTER, manageActions, sampleInvitee } from './components/booking-email';

export interface BookingReminderData extends BookingEmailData {
  /** "in 24 hours", "in 1 hour" */
  startsIn: string;
}

/** 24 hours and 1 hour before: to the invitee, and to the host who opted in. */
export default function BookingReminderEmail(data: BookingReminderData) {
  const withWhom = data.recipient === 'invitee' ? data.hostName : data.inviteeName;
  return (
    <BookingEmail
      {...detailsOf(data)}
      preview={`Reminder: ${data.meetingName} with ${withWhom} starts ${data.startsIn}`}
      heading={`Your meeting starts ${data.startsIn}`}
      intro={`A reminder of ${data.meetingName} with ${withWhom}.`}
      actions={manageActions(data)}
      footer={FOOTER}
    />
  );
}

BookingReminderEmail.PreviewProps = { ...sampleInvitee, startsIn: 'in 24 hours' } satisfies BookingReminderData;
