import 'server-only';
import { lookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { env } from '@/lib/env';
import { parseRetryAfter, ProviderHttpError } from '../provider-request';
import { isPublicAddress } from './public-address';

// Fetches a host's ICS feed with an SSRF guard: https only; the address is checked after DNS
// resolution, inside the connection's own lookup (so a second resolution cannot swap in a private
// address); every redirect is checked again; at most 5 MiB and 10 seconds. ICS_ALLOW_PRIVATE_NETWORKS
// (tests only) lifts the address check and allows http, so tests can serve feeds from loopback.

export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

/** What a fetch may reach. Production: https and public addresses only. */
export interface FeedPolicy {
  allowHttp: boolean;
  isAllowedAddress(address: string): boolean;
}

/** Production: https and public addresses only; `allowPrivate` (tests) lifts both. Webhook sends use it too. */
export function addressPolicy(allowPrivate: boolean): FeedPolicy {
  return allowPrivate ? { allowHttp: true, isAllowedAddress: () => true } : { allowHttp: false, isAllowedAddress: isPublicAddress };
}

export function feedPolicy(): FeedPolicy {
  return addressPolicy(env().ICS_ALLOW_PRIVATE_NETWORKS);
}

export class FeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedRefusedError';
  }
}

/** Refuses what no connection should even be tried for: other schemes, credentials, odd ports. */
export function checkFeedUrl(raw: string, policy: FeedPolicy = feedPolicy()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedRefusedError('That is not a valid URL.');
  }
  // webcal:// is how calendar apps often share feeds; it means https.
  if (url.protocol === 'webcal:') url = new URL(`https:${raw.slice('webcal:'.length)}`);
  const schemes = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw new FeedRefusedError('Calendar feeds must be https:// URLs.');
  if (url.username || url.password) throw new FeedRefusedError('Calendar feed URLs may not carry a user name or password.');
  // A literal address is never looked up, so it is checked here; names are checked as they resolve.
  if (isIpLiteral(url.hostname) && !policy.isAllowedAddress(unbracket(url.hostname))) {
    throw new FeedRefusedError('That address is not reachable from the internet.');
  }
  return url;
}

export const unbracket = (host: string) => host.replace(/^\[|\]$/g, '');
export const isIpLiteral = (host: string) => /^[\d.]+$/.test(host) || host.startsWith('[');

/** DNS lookup that fails the connection when any resolved address is not allowed (webhook sends use it too). */
export const guardedLookup = (policy: FeedPolicy): LookupFunction => (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses as unknown as { address: string; family: number }[];
    const refused = list.find((entry) => !policy.isAllowedAddress(entry.address));
    if (refused || list.length === 0) return callback(new FeedRefusedError('That address is not reachable from the internet.'), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

function get(url: URL, policy: FeedPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'GET',
      headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'Rendezvous calendar sync' },
      signal,
      lookup: guardedLookup(policy),
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

async function readCapped(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_FEED_BYTES) {
      response.destroy();
      throw new FeedRefusedError(`The calendar feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MiB.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchFeed(raw: string, policy: FeedPolicy = feedPolicy()): Promise<string> {
  const signal = AbortSignal.timeout(FEED_TIMEOUT_MS);
  let url = checkFeedUrl(raw, policy);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await get(url, policy, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      url = checkFeedUrl(new URL(response.headers.location, url).toString(), policy);
      continue;
    }
    if (status !== 200) {
      response.resume();
      // A status like a provider's, so throttling (429, Retry-After) and outages count as transient.
      throw new ProviderHttpError(status, null, 'The calendar feed', parseRetryAfter(headerValue(response.headers['retry-after'])));
    }
    return readCapped(response);
  }
  throw new FeedRefusedError('The calendar feed redirects too often.');
}
