import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';

// The words of an email come from the `email` messages (messages/*.json) in the recipient's language:
// lib/notifications hands each template a translator for it. Previews and tests use English.

export type EmailMessageKey = keyof (typeof en)['email'];

/** next-intl's translator for the `email` namespace, as templates call it. */
export type EmailTranslator = (key: EmailMessageKey, values?: Record<string, string | number>) => string;

/** English, for PreviewProps. */
export const englishEmailWords: EmailTranslator = createTranslator({ locale: 'en', messages: en, namespace: 'email' });
