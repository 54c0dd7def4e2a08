import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecrets } from '@/lib/auth/secrets';
import { env } from '@/lib/env';
import type { OAuthProvider } from '../provider-config';

// The secret a push channel carries (Google X-Goog-Channel-Token, Graph clientState), derived from
// the calendar row and the signing secret instead of stored, and checked in constant time.

export function watchSecret(calendarRowId: string, secret = signingSecrets()[0]!): string {
  return createHmac('sha256', secret).update(`calendar-watch:${calendarRowId}`).digest('base64url');
}

export function isWatchSecret(calendarRowId: string, presented: string | null | undefined): boolean {
  if (!presented || presented.length > 200) return false;
  const given = Buffer.from(presented);
  return signingSecrets().some((secret) => {
    const expected = Buffer.from(watchSecret(calendarRowId, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

export const notificationUrl = (provider: OAuthProvider) => new URL(`/api/integrations/${provider}/notifications`, env().APP_URL).toString();

/**
 * Providers deliver only to public https addresses, so push is on only for an https APP_URL — also
 * when a provider's API origin points at a local fake (its tests route the https name to the app).
 */
export function pushEnabled(): boolean {
  return new URL(env().APP_URL).protocol === 'https:';
}
