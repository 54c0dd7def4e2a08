import { Button, Link, Text } from '@react-email/components';
import { EmailFrame, emailButton } from './components/email-frame';

// An invitation to join a team: who invites, to which team and role, and the link that accepts it.
// The words come in the recipient's language from lib/notifications; this only lays them out.

export interface TeamInvitationEmailData {
  lang: string;
  heading: string;
  /** Who invites whom to what, with the role. */
  body: string;
  actionLabel: string;
  actionUrl: string;
  /** "Or open this link:" */
  linkLead: string;
  /** How long the link works, and what to do if the message was not expected. */
  footnote: string;
}

const text = { fontSize: '15px', lineHeight: '22px' };

export default function TeamInvitationEmail(data: TeamInvitationEmailData) {
  return (
    <EmailFrame preview={data.heading} heading={data.heading} lang={data.lang}>
      <Text style={text}>{data.body}</Text>
      <Button href={data.actionUrl} style={emailButton}>
        {data.actionLabel}
      </Button>
      <Text style={text}>
        {data.linkLead} <Link href={data.actionUrl}>{data.actionUrl}</Link>
      </Text>
      <Text style={{ ...text, color: '#4b5563' }}>{data.footnote}</Text>
    </EmailFrame>
  );
}

TeamInvitationEmail.PreviewProps = {
  lang: 'en',
  heading: 'Join Acme Sales on Rendezvous',
  body: 'Grace Hopper invited you to join the team Acme Sales as a member. Members are booked through the team’s meeting types and see their team bookings.',
  actionLabel: 'Accept the invitation',
  actionUrl: 'http://localhost:3000/teams/invitations/sample-token',
  linkLead: 'Or open this link:',
  footnote: 'This invitation works for 7 days, for this address only. If you did not expect it, ignore this email: nothing happens without it.',
} satisfies TeamInvitationEmailData;
