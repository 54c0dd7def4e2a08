import { HostNotice } from './components/host-notice';

// Tells a host, once, that a calendar has failed to sync for a day and is no longer read.

export interface CalendarSyncStoppedData {
  hostName: string;
  /** "Google Calendar", "Microsoft 365" or "ICS feed". */
  providerLabel: string;
  /** The account email or the feed's name. */
  label: string | null;
  lastError: string | null;
  integrationsUrl: string;
}

export default function CalendarSyncStoppedEmail(data: CalendarSyncStoppedData) {
  const which = data.label ? ` (${data.label})` : '';
  return (
    <HostNotice
      preview={`${data.providerLabel} has not synced for a day`}
      heading={`${data.providerLabel} stopped syncing`}
      hostName={data.hostName}
      paragraphs={[
        `Rendezvous could not read your ${data.providerLabel}${which} for a day, so we stopped trying. Your slots still use the busy times we read last, but new events there do not block your booking page.`,
        ...(data.lastError ? [`The last error: ${data.lastError}`] : []),
      ]}
      action={{ href: data.integrationsUrl, label: 'Check and try again' }}
    />
  );
}

CalendarSyncStoppedEmail.PreviewProps = {
  hostName: 'Grace Hopper',
  providerLabel: 'ICS feed',
  label: 'Family calendar',
  lastError: 'The calendar feed answered 500: the provider is having trouble',
  integrationsUrl: 'http://localhost:3000/dashboard/integrations',
} satisfies CalendarSyncStoppedData;
