// The languages invitee pages and emails come in, and the names of the three places a choice can
// come from. Plain data: the proxy, server pages, the browser and emails all import it.

export const locales = ['en', 'de', 'fr', 'es'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** `?lang=de` on any invitee page (also how the embed and the picker carry a choice). */
export const LOCALE_PARAM = 'lang';
/** Where the proxy remembers a `?lang=` choice for the invitee's next visit. */
export const LOCALE_COOKIE = 'rendezvous_lang';
/** The request header the proxy hands the negotiated locale to the page in. */
export const LOCALE_HEADER = 'x-rendezvous-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Each language in its own words, for the picker. */
export const localeNames: Record<Locale, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

/** The first column of a month calendar: Sunday in (US) English, Monday elsewhere. 0 = Sunday. */
export const weekStartsOn: Record<Locale, 0 | 1> = { en: 0, de: 1, fr: 1, es: 1 };

/** The tag Intl formats with: US English for `en` (the app's historical default), the language elsewhere. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-US' : locale;
}
