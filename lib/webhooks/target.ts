import 'server-only';
import { lookup } from 'node:dns/promises';
import { addressPolicy, type FeedPolicy, isIpLiteral, unbracket } from '@/lib/calendars/ics/fetch-feed';
import { env } from '@/lib/env';

// Where a webhook may be sent: the ICS feeds' address guard (public unicast only, judged after DNS
// resolution), https only. Checked when an endpoint is saved and again, inside the connection's own
// lookup, at every delivery (send.ts). WEBHOOK_ALLOW_PRIVATE_TARGETS (tests only) lifts both checks.

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export function webhookPolicy(): FeedPolicy {
  return addressPolicy(env().WEBHOOK_ALLOW_PRIVATE_TARGETS);
}

export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetRefused';
  }
}

const unreachable = () => new WebhookTargetRefused('That address is private or not reachable from the internet.');

/** What needs no network: the scheme, credentials, length, and a literal IP address. */
export function checkWebhookUrl(raw: string, policy: FeedPolicy = webhookPolicy()): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new WebhookTargetRefused(`The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetRefused('That is not a valid URL.');
  }
  const schemes = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw new WebhookTargetRefused('Webhook URLs must start with https://.');
  if (url.username || url.password) throw new WebhookTargetRefused('Webhook URLs may not carry a user name or password.');
  if (isIpLiteral(url.hostname) && !policy.isAllowedAddress(unbracket(url.hostname))) throw unreachable();
  return url;
}

/** At save: the URL checks, then every address the name resolves to must be allowed. */
export async function checkWebhookTarget(raw: string, policy: FeedPolicy = webhookPolicy()): Promise<URL> {
  const url = checkWebhookUrl(raw, policy);
  if (isIpLiteral(url.hostname)) return url;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(url.hostname, { all: true });
  } catch {
    throw new WebhookTargetRefused('That host name could not be found.');
  }
  if (addresses.length === 0 || addresses.some((entry) => !policy.isAllowedAddress(entry.address))) throw unreachable();
  return url;
}
