import { Button, Link, Text } from '@react-email/components';
import { EmailFrame, emailButton } from './components/email-frame';

// A single-use link mailed to a person: confirm the address, confirm a new address, reset the
// password, or join a team. The words are chosen by lib/notifications; this only lays them out.

export interface AccountLinkEmailData {
  /** The message's language (`<html lang>`); English when absent. */
  lang?: string;
  heading: string;
  /** "Hi Grace,"; absent when the recipient's name is unknown (an invited address). */
  greeting?: string;
  /** Why this message came, and what the button does. */
  body: string;
  actionLabel: string;
  actionUrl: string;
  /** The words before the link written out; "Or open this link:" when absent. */
  linkLead?: string;
  /** How long the link works, and what to do if the message was not expected. */
  footnote: string;
}

const text = { fontSize: '15px', lineHeight: '22px' };

export default function AccountLinkEmail(data: AccountLinkEmailData) {
  return (
    <EmailFrame preview={data.heading} heading={data.heading} lang={data.lang}>
      {data.greeting ? <Text style={text}>{data.greeting}</Text> : null}
      <Text style={text}>{data.body}</Text>
      <Button href={data.actionUrl} style={emailButton}>
        {data.actionLabel}
      </Button>
      <Text style={text}>
        {data.linkLead ?? 'Or open this link:'} <Link href={data.actionUrl}>{data.actionUrl}</Link>
      </Text>
      <Text style={{ ...text, color: '#4b5563' }}>{data.footnote}</Text>
    </EmailFrame>
  );
}

AccountLinkEmail.PreviewProps = {
  heading: 'Confirm your email address',
  greeting: 'Hi Grace,',
  body: 'Confirm this address so your booking page can take bookings and Rendezvous can email you about them.',
  actionLabel: 'Confirm email address',
  actionUrl: 'http://localhost:3000/verify-email?token=sample-token',
  footnote: 'This link works once, for 24 hours. If you did not sign up for Rendezvous, ignore this email.',
} satisfies AccountLinkEmailData;
