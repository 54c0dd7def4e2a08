import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { env } from '@/lib/env';
import type { OAuthProvider } from '../provider-config';

// The secret a push channel carries (Google X-Goog-Channel-Token, Graph clientState):
// "<connection id>.<calendar row id>.<HMAC of both>", derived instead of stored. It names its owner, so
// a notification is authenticated (constant time, any current signing secret) before any query, and
// forged or unknown ones cost no database work. 117 characters: within Graph's 128 and Google's 256.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_SECRET_LENGTH = 128;

function watchMac(connectionId: string, calendarRowId: string, secret: string): string {
  return createHmac('sha256', secret).update(`calendar-watch:${connectionId}:${calendarRowId}`).digest('base64url');
}

export function watchSecret(connectionId: string, calendarRowId: string, secret = signingSecrets()[0]!): string {
  return `${connectionId}.${calendarRowId}.${watchMac(connectionId, calendarRowId, secret)}`;
}

export interface WatchOwner {
  connectionId: string;
  calendarId: string;
}

/** The connection and calendar a presented secret was made for; null when it is not one of ours. */
export function readWatchSecret(presented: string | null | undefined): WatchOwner | null {
  if (!presented || presented.length > MAX_SECRET_LENGTH) return null;
  const [connectionId, calendarId, mac, extra] = presented.split('.');
  if (extra !== undefined || !connectionId || !calendarId || !mac || !UUID.test(connectionId) || !UUID.test(calendarId)) return null;
  const given = Buffer.from(mac);
  const matches = signingSecrets().some((secret) => {
    const expected = Buffer.from(watchMac(connectionId, calendarId, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return matches ? { connectionId, calendarId } : null;
}

export const notificationUrl = (provider: OAuthProvider) => new URL(`/api/integrations/${provider}/notifications`, env().APP_URL).toString();

/**
 * Providers deliver only to public https addresses, so push is on only for an https APP_URL — also
 * when a provider's API origin points at a local fake (its tests route the https name to the app).
 */
export function pushEnabled(): boolean {
  return new URL(env().APP_URL).protocol === 'https:';
}
