import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { intlLocale } from '@/lib/i18n/locales';
import { inviteeMessages } from '@/lib/i18n/messages';

/**
 * Every invitee page sits in this: the negotiated language (proxy.ts) for next-intl's client hooks
 * (only that language's invitee messages reach the browser), for react-aria's own words, and as the
 * content's `lang` (the root <html> stays English: the dashboard is not translated yet).
 */
export async function InviteeIntl({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={inviteeMessages(locale)} timeZone="UTC">
      <I18nProvider locale={intlLocale(locale)}>
        <div lang={locale} style={{ display: 'contents' }}>
          {children}
        </div>
      </I18nProvider>
    </NextIntlClientProvider>
  );
}
