import { Button, Link, Text } from '@react-email/components';
import { EmailFrame, emailButton } from './components/email-frame';

// A single-use link for a host's account: confirm the address, confirm a new address, or reset the
// password. The words are chosen by lib/notifications; this only lays them out.

export interface AccountLinkEmailData {
  heading: string;
  greeting: string;
  /** Why this message came, and what the button does. */
  body: string;
  actionLabel: string;
  actionUrl: string;
  /** How long the link works, and what to do if the message was not expected. */
  footnote: string;
}

const text = { fontSize: '15px', lineHeight: '22px' };

export default function AccountLinkEmail(data: AccountLinkEmailData) {
  return (
    <EmailFrame preview={data.heading} heading={data.heading}>
      <Text style={text}>{data.greeting}</Text>
      <Text style={text}>{data.body}</Text>
      <Button href={data.actionUrl} style={emailButton}>
        {data.actionLabel}
      </Button>
      <Text style={text}>
        Or open this link: <Link href={data.actionUrl}>{data.actionUrl}</Link>
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
