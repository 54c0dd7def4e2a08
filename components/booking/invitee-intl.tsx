import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { inviteeMessages } from '@/lib/i18n/messages';

/**
 * Every invitee page sits in this: the negotiated language (proxy.ts) for next-intl's client hooks
 * (only that language's invitee messages reach the browser), and as the content's `lang` (the root
 * <html> stays English: the dashboard is not translated yet). BookingPageFrame hands it to react-aria.
 * A dashboard page that shows an invitee's component to the host (the host's reschedule picker) passes
 * `locale="en"`: hosts read English.
 */
export async function InviteeIntl({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const locale = fixed ?? (await getLocale());
  return (
    <NextIntlClientProvider locale={locale} messages={inviteeMessages(locale)} timeZone="UTC">
      <div lang={locale} style={{ display: 'contents' }}>
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
