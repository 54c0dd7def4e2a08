'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useTransition } from 'react';
import { LOCALE_PARAM, localeNames, locales } from '@/lib/i18n/locales';
import styles from './language-picker.module.css';

/**
 * The invitee's language: a labelled native select (`standalone`: on its own line, at the end). A choice reloads the page's data with `?lang=`,
 * which the proxy remembers in a cookie; in a third-party frame (no cookies) the parameter itself
 * keeps it, and it is carried to the next page like the prefill parameters.
 */
export function LanguagePicker({ standalone = false }: { standalone?: boolean }) {
  const t = useTranslations('invitee.language');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();

  const choose = (next: string) => {
    const query = new URLSearchParams(searchParams.toString());
    query.set(LOCALE_PARAM, next);
    startTransition(() => router.replace(`${pathname}?${query}`, { scroll: false }));
  };

  return (
    <div className={standalone ? `${styles.picker} ${styles.standalone}` : styles.picker}>
      <label htmlFor={id} className={styles.label}>
        {t('label')}
      </label>
      <select id={id} className={styles.select} value={locale} onChange={(event) => choose(event.target.value)} aria-busy={pending}>
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
