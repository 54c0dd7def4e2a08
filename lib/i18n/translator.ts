import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { catalogues } from './messages';

// Translations outside a React render (emails, subjects, .ics text): next-intl's core translator over
// the same catalogues the pages use.

export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'email' });
}

export function inviteTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'invite' });
}
