import { BookingEmail, type BookingEmailData, type BookingEmailProps, detailsOf, sampleInvitee } from './components/booking-email';

/** The invitee's "please pick a new time" email, in their language (messages `email.newTime*`). */
export interface NewTimeRequestedData extends BookingEmailData {
  /** What the host wrote with the request, if anything. */
  hostMessage: string | null;
}

/** The host asks the invitee to pick a new time; the current one stays reserved until they do. */
export function newTimeRequestedLayout(data: NewTimeRequestedData): BookingEmailProps {
  const { t } = data;
  const words = { meeting: data.meetingName, host: data.hostName };
  return {
    ...detailsOf(data),
    preview: t('newTimePreview', words),
    heading: t('newTimeHeading'),
    intro: t('newTimeIntro', words),
    message: data.hostMessage ? { title: t('messageFrom', words), text: data.hostMessage } : null,
    actions: data.rescheduleUrl ? [{ label: t('actionPickNewTime'), href: data.rescheduleUrl }] : [],
  };
}

export default function NewTimeRequestedEmail(data: NewTimeRequestedData) {
  return <BookingEmail {...newTimeRequestedLayout(data)} />;
}

NewTimeRequestedEmail.PreviewProps = {
  ...sampleInvitee,
  hostMessage: 'Something came up on Tuesday, sorry! Any other day this week works for me.',
} satisfies NewTimeRequestedData;
