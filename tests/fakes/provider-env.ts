import type { GoogleFake } from './google/google-fake';
import type { MicrosoftFake } from './microsoft/microsoft-fake';

/** The app's variables that point Google and/or Microsoft (sign-in and calendars) at the fakes. */
export function providerEnv(fakes: { google?: GoogleFake; microsoft?: MicrosoftFake }): Record<string, string> {
  const { google, microsoft } = fakes;
  return {
    ...(google ? { GOOGLE_CLIENT_ID: google.clientId, GOOGLE_CLIENT_SECRET: google.clientSecret, GOOGLE_API_ORIGIN: google.origin } : {}),
    ...(microsoft ? { MICROSOFT_CLIENT_ID: microsoft.clientId, MICROSOFT_CLIENT_SECRET: microsoft.clientSecret, MICROSOFT_API_ORIGIN: microsoft.origin } : {}),
  };
}
