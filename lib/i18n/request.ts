import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, LOCALE_HEADER } from './locales';
import { catalogues } from './messages';

// next-intl's per-request configuration, without i18n routing (URLs carry no locale): the proxy has
// already negotiated the invitee's language (?lang=, cookie, Accept-Language) and passes it in a
// request header. A page may also ask for a locale explicitly (`getTranslations({ locale })`).
export default getRequestConfig(async ({ locale: requested }) => {
  const negotiated = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(requested) ? requested : isLocale(negotiated) ? negotiated : defaultLocale;
  // Times are always formatted in an explicit IANA zone; UTC only keeps next-intl from guessing one.
  return { locale, messages: catalogues[locale], timeZone: 'UTC' };
});
