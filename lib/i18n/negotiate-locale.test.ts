import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { acceptedLanguages, localeFromTag, negotiateLocale } from './negotiate-locale';
import { requestLocale } from './request-locale';

describe('negotiating an invitee page’s language', () => {
  it('takes the Accept-Language entry with the highest q-value that we speak', () => {
    expect(negotiateLocale({ acceptLanguage: 'de-DE,de;q=0.9,en;q=0.8' })).toBe('de');
    expect(negotiateLocale({ acceptLanguage: 'en;q=0.5, fr-CA;q=0.9' })).toBe('fr');
    expect(negotiateLocale({ acceptLanguage: 'ja, es-MX;q=0.7, de;q=0.6' })).toBe('es');
    // Equal weights keep the header's order.
    expect(negotiateLocale({ acceptLanguage: 'fr;q=0.8, de;q=0.8' })).toBe('fr');
  });

  it('orders languages by q and drops q=0 and malformed entries', () => {
    expect(acceptedLanguages('en;q=0.1, de;q=1.0, fr;q=0, es;q=0.5')).toEqual(['de', 'es', 'en']);
    expect(acceptedLanguages('de;q=2, fr;q=abc, es;q=0.9, ;;, <script>')).toEqual(['es']);
    expect(acceptedLanguages('*')).toEqual(['*']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('lets ?lang= win over the cookie, and the cookie over Accept-Language', () => {
    expect(negotiateLocale({ query: 'fr', cookie: 'de', acceptLanguage: 'es' })).toBe('fr');
    expect(negotiateLocale({ cookie: 'de', acceptLanguage: 'es' })).toBe('de');
    expect(negotiateLocale({ query: 'de-AT', acceptLanguage: 'en' })).toBe('de');
  });

  it('ignores tags it does not speak and falls back to English', () => {
    expect(negotiateLocale({ query: 'xx', cookie: 'klingon', acceptLanguage: 'ja, zh-CN;q=0.8' })).toBe('en');
    expect(negotiateLocale({ query: 'ja', acceptLanguage: 'de' })).toBe('de');
    expect(negotiateLocale({ acceptLanguage: '*' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
    expect(localeFromTag('DE_ch')).toBe('de');
    expect(localeFromTag('german')).toBeNull();
  });

  it('answers a supported locale for any input, without throwing', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string({ maxLength: 2_000 })), (query, cookie, acceptLanguage) => {
        expect(locales).toContain(negotiateLocale({ query, cookie, acceptLanguage }));
      }),
    );
  });
});

describe('the proxy’s language decision', () => {
  it('remembers a ?lang= choice only when it differs from the cookie', () => {
    expect(requestLocale(new URLSearchParams('lang=fr'), undefined, 'de')).toEqual({ locale: 'fr', remember: 'fr' });
    expect(requestLocale(new URLSearchParams('lang=fr'), 'fr', 'de')).toEqual({ locale: 'fr', remember: null });
    expect(requestLocale(new URLSearchParams('lang=xx'), 'es', 'de')).toEqual({ locale: 'es', remember: null });
    expect(requestLocale(new URLSearchParams(''), undefined, 'de-DE,de;q=0.9')).toEqual({ locale: 'de', remember: null });
  });
});
