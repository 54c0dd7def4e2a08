import 'server-only';
import { cookies } from 'next/headers';
import { timeZoneField } from '@/lib/api-fields';
import { env } from '@/lib/env';

// A first Google or Microsoft sign-in creates the host on the provider's callback, a request that
// carries nothing of the browser's. So the sign-in page reports the browser's zone with the button
// press, and we keep it in a short-lived cookie for the callback to read. Only a canonical zone is
// kept; without one the new host starts in UTC.

export const SIGN_UP_ZONE_COOKIE = 'rendezvous-sign-up-zone';
const TEN_MINUTES = 600;

/** The canonical zone in a reported value, or null. */
export function reportedZone(value: unknown): string | null {
  const parsed = timeZoneField.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Keeps the browser's zone (a form field) for the OAuth callback; an invalid or absent one is dropped. */
export async function rememberSignUpZone(value: FormDataEntryValue | null): Promise<void> {
  const zone = reportedZone(value);
  const jar = await cookies();
  if (!zone) {
    jar.delete(SIGN_UP_ZONE_COOKIE);
    return;
  }
  jar.set(SIGN_UP_ZONE_COOKIE, zone, {
    httpOnly: true,
    sameSite: 'lax', // sent on the provider's redirect back (a top-level GET)
    secure: new URL(env().APP_URL).protocol === 'https:',
    path: '/api/auth',
    maxAge: TEN_MINUTES,
  });
}

/** The zone a new OAuth host starts in: the one the browser reported, else UTC. */
export function signUpZone(request: { cookies: { get(name: string): { value: string } | undefined } } | undefined): string {
  return reportedZone(request?.cookies.get(SIGN_UP_ZONE_COOKIE)?.value) ?? 'UTC';
}
