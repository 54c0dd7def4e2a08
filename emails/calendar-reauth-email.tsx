import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { button, card, page, text } from './components/host-mail-styles';

// Tells a host their calendar connection stopped working (the provider refused our access), once.

export interface CalendarReauthData {
  hostName: string;
  /** "Google Calendar" or "Microsoft 365". */
  providerLabel: string;
  accountEmail: string | null;
  reconnectUrl: string;
}


export default function CalendarReauthEmail(data: CalendarReauthData) {
  const account = data.accountEmail ? ` (${data.accountEmail})` : '';
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Reconnect ${data.providerLabel} to keep your availability right`}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Reconnect {data.providerLabel}
          </Heading>
          <Text style={text}>Hi {data.hostName},</Text>
          <Text style={text}>
            {data.providerLabel}
            {account} no longer lets Rendezvous read your calendar, so new events there do not block your booking page. Until you reconnect, your slots use the busy
            times we read last, and new bookings are not added to that calendar.
          </Text>
          <Button href={data.reconnectUrl} style={button}>
            Reconnect {data.providerLabel}
          </Button>
        </Container>
      </Body>
    </Html>
  );
}

CalendarReauthEmail.PreviewProps = {
  hostName: 'Grace Hopper',
  providerLabel: 'Google Calendar',
  accountEmail: 'grace@example.com',
  reconnectUrl: 'http://localhost:3000/dashboard/integrations',
} satisfies CalendarReauthData;
