import type { Locale } from './locales';
import type { Messages } from './messages';

// Typed keys: `t('pick.title')` is checked against messages/en.json at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
