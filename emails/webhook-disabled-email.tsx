import { HostNotice } from './components/host-notice';

// Tells a host, once, that a webhook endpoint failed for 3 days and was turned off.

export interface WebhookDisabledData {
  hostName: string;
  url: string;
  webhooksUrl: string;
}

export default function WebhookDisabledEmail(data: WebhookDisabledData) {
  return (
    <HostNotice
      preview="A webhook endpoint was turned off"
      heading="We turned off a webhook endpoint"
      hostName={data.hostName}
      paragraphs={[
        `Every delivery to ${data.url} has failed for 3 days, so Rendezvous stopped sending to it. Events since then are kept in its delivery log.`,
        'Fix the receiver, then turn the endpoint on again: what is still waiting will be sent.',
      ]}
      action={{ href: data.webhooksUrl, label: 'Open webhook settings' }}
    />
  );
}

WebhookDisabledEmail.PreviewProps = {
  hostName: 'Grace Hopper',
  url: 'https://crm.example.com/hooks/rendezvous',
  webhooksUrl: 'http://localhost:3000/dashboard/settings/webhooks',
} satisfies WebhookDisabledData;
