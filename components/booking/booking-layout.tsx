'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { type ReactNode, useRef } from 'react';
import { I18nProvider } from 'react-aria-components';
import { intlLocale } from '@/lib/i18n/locales';
import { useEmbedBridge } from '@/components/embed/embed-bridge';
import embedStyles from '@/components/embed/embed.module.css';
import styles from './booking-layout.module.css';
import { LanguagePicker } from './language-picker';

export const layoutStyles = styles;

/**
 * The page frame of every invitee page: a back link and the language picker, then details (right on
 * wide screens) and a panel.
 * Embedded (/embed/…), it drops the back link and the page background, and reports its height.
 */
export function BookingPageFrame({
  backHref,
  backLabel,
  details,
  embedded = false,
  children,
}: {
  backHref?: string | undefined;
  backLabel?: string | undefined;
  details: ReactNode;
  embedded?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('invitee.meeting');
  const locale = useLocale();
  const root = useRef<HTMLElement>(null);
  useEmbedBridge(root);
  return (
    // react-aria's own words (the time-zone list's) follow the page's language.
    <I18nProvider locale={intlLocale(locale)}>
      <main ref={root} className={embedded ? embedStyles.embedPage : styles.page}>
        <div className={styles.topBar}>
          {backHref && !embedded ? (
            <Link href={backHref} className={styles.crumb}>
              ← {backLabel ?? t('back')}
            </Link>
          ) : (
            <span />
          )}
          <LanguagePicker />
        </div>
        <div className={styles.layout}>
          <div className={`${styles.card} ${styles.details}`}>{details}</div>
          <section className={`${styles.card} ${styles.panel}`}>{children}</section>
        </div>
      </main>
    </I18nProvider>
  );
}
