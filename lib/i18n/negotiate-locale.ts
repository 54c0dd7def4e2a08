import { defaultLocale, isLocale, type Locale } from './locales';

// Which language an invitee page speaks, from what the request carries, in order: an explicit
// `?lang=`, the remembered choice (cookie), the browser's Accept-Language (by q-value), else English.
// Pure and total: any string in, a supported locale out.

/** "de-AT" → "de", "FR" → "fr"; null for a tag whose language we do not have (or garbage). */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : null;
}

const MAX_HEADER_LENGTH = 1_000;

/** Accept-Language's languages, most wanted first (ties keep their order); q=0 and malformed entries are dropped. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  header
    .slice(0, MAX_HEADER_LENGTH)
    .split(',')
    .forEach((part, index) => {
      const [rawTag = '', ...params] = part.split(';');
      const tag = rawTag.trim();
      if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return;
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(param);
        if (!match) return;
        q = Number(match[1]);
      }
      if (q > 0 && q <= 1) entries.push({ tag, q, index });
    });
  return entries.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag);
}

export interface LocaleSources {
  /** The `lang` query parameter. */
  query?: string | null | undefined;
  /** The remembered choice (LOCALE_COOKIE). */
  cookie?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}

export function negotiateLocale({ query, cookie, acceptLanguage }: LocaleSources): Locale {
  const explicit = localeFromTag(query) ?? localeFromTag(cookie);
  if (explicit) return explicit;
  for (const tag of acceptedLanguages(acceptLanguage)) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
