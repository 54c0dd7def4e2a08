import { createTranslator } from 'next-intl';
import { defaultLocale, isLocale, type Locale } from './locales';
import { catalogues } from './messages';

// Translations outside a React render (emails, subjects, .ics text): next-intl's core translator over
// the same catalogues the pages use. One translator per language and namespace for the process: each
// keeps its parsed messages and Intl formatters, which a new translator per email would parse and
// build again (a visible share of a booking's job CPU). Bounded: languages × five namespaces.

const translators = new Map<string, unknown>();

function kept<T>(key: string, make: () => T): T {
  let translator = translators.get(key) as T | undefined;
  if (translator === undefined) translators.set(key, (translator = make()));
  return translator;
}

export function emailTranslator(locale: Locale) {
  return kept(`email:${locale}`, () => createTranslator({ locale, messages: catalogues[locale], namespace: 'email' }));
}

/** The invitee's words about a request awaiting the host's confirmation (`approval` messages). */
export function approvalTranslator(locale: Locale) {
  return kept(`approval:${locale}`, () => createTranslator({ locale, messages: catalogues[locale], namespace: 'approval' }));
}

/** The words of an invitee's calendar entry (.ics, Google/Outlook links); an unknown stored locale reads as English. */
export function inviteWords(locale: string, names: { meeting: string; host: string }) {
  const known = isLocale(locale) ? locale : defaultLocale;
  const t = kept(`invite:${known}`, () => createTranslator({ locale: known, messages: catalogues[known], namespace: 'invite' }));
  return { summary: t('summary', names), needChange: t('needChange'), reschedule: t('reschedule'), cancel: t('cancel') };
}

/** The change policy's words (`policy` messages) for an email or the .ics; an unknown stored locale reads as English. */
export function policyWords(locale: string) {
  const known = isLocale(locale) ? locale : defaultLocale;
  return kept(`policy:${known}`, () => createTranslator({ locale: known, messages: catalogues[known], namespace: 'policy' }));
}

/** The words around a booking's answers (`questions.answers` and yes/no) in an email; an unknown stored locale reads as English. */
export function answerWordsFor(locale: string) {
  const known = isLocale(locale) ? locale : defaultLocale;
  const t = kept(`questions:${known}`, () => createTranslator({ locale: known, messages: catalogues[known], namespace: 'questions' }));
  return { yours: t('answers.yours'), host: t('answers.host'), yes: t('form.yes'), no: t('form.no') };
}
