import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, FOOTER, sampleInvitee } from './components/booking-email';

// Every word of the invitee's "please pick a new time" email lives here (the next-intl catalogues take them over at merge).

export interface NewTimeRequestedData extends BookingEmailData {
  /** What the host wrote with the request, if anything. */
  hostMessage: string | null;
}

/** The host asks the invitee to pick a new time; the current one stays reserved until they do. */
export function newTimeRequestedLayout(data: NewTimeRequestedData): BookingEmailProps {
  return {
    ...detailsOf(data),
    preview: `${data.hostName} asks you to pick a new time for ${data.meetingName}`,
    heading: 'Please pick a new time',
    intro: `${data.hostName} asked you to pick a new time for ${data.meetingName}. Your current time stays reserved until you choose one, or tell ${data.hostName} that none suits you.`,
    message: data.hostMessage ? { title: `Message from ${data.hostName}`, text: data.hostMessage } : null,
    actions: data.rescheduleUrl ? [{ label: 'Pick a new time', href: data.rescheduleUrl }] : [],
    footer: FOOTER,
  };
}

export default function NewTimeRequestedEmail(data: NewTimeRequestedData) {
  return <BookingEmail {...newTimeRequestedLayout(data)} />;
}

NewTimeRequestedEmail.PreviewProps = {
  ...sampleInvitee,
  hostMessage: 'Something came up on Tuesday, sorry! Any other day this week works for me.',
} satisfies NewTimeRequestedData;
