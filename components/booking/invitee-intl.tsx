import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { inviteeMessages } from '@/lib/i18n/messages';

/**
 * Every invitee page sits in this: the negotiated language (proxy.ts) for next-intl's client hooks
 * (only that language's invitee messages reach the browser), and as the content's `lang` (the root
 * <html> stays English: the dashboard is not translated yet). BookingPageFrame hands it to react-aria.
 */
export async function InviteeIntl({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={inviteeMessages(locale)} timeZone="UTC">
      <div lang={locale} style={{ display: 'contents' }}>
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
