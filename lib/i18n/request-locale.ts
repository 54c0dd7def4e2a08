import { LOCALE_COOKIE, LOCALE_PARAM, type Locale } from './locales';
import { localeFromTag, negotiateLocale } from './negotiate-locale';

// What the proxy does about language for one page request, decided here so proxy.ts stays a few lines
// and the rules are unit-tested: the negotiated locale (handed to the page in a request header), and
// the cookie to set when `?lang=` names a language other than the remembered one.

export interface RequestLocale {
  locale: Locale;
  /** Set this cookie value (a `?lang=` choice to remember), or null to leave the cookie alone. */
  remember: Locale | null;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function requestLocale(search: URLSearchParams, cookie: string | undefined, acceptLanguage: string | null): RequestLocale {
  const query = search.get(LOCALE_PARAM);
  const locale = negotiateLocale({ query, cookie, acceptLanguage });
  const chosen = localeFromTag(query);
  return { locale, remember: chosen && chosen !== cookie ? chosen : null };
}

/**
 * The remembered choice: readable by the whole site, sent on top-level navigations only (SameSite=Lax:
 * a third-party frame neither sends nor keeps it, so the embed carries `?lang=` instead).
 */
export function localeCookie(locale: Locale, secure: boolean) {
  return { name: LOCALE_COOKIE, value: locale, path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' as const, secure };
}
