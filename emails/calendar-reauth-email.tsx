import { HostNotice } from './components/host-notice';

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
    <HostNotice
      preview={`Reconnect ${data.providerLabel} to keep your availability right`}
      heading={`Reconnect ${data.providerLabel}`}
      hostName={data.hostName}
      paragraphs={[
        `${data.providerLabel}${account} no longer lets Rendezvous read your calendar, so new events there do not block your booking page. Until you reconnect, your slots use the busy times we read last, and new bookings are not added to that calendar.`,
      ]}
      action={{ href: data.reconnectUrl, label: `Reconnect ${data.providerLabel}` }}
    />
  );
}

CalendarReauthEmail.PreviewProps = {
  hostName: 'Grace Hopper',
  providerLabel: 'Google Calendar',
  accountEmail: 'grace@example.com',
  reconnectUrl: 'http://localhost:3000/dashboard/integrations',
} satisfies CalendarReauthData;
