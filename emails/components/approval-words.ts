import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';

// The invitee's words about a request that needs the host's confirmation: the `approval` messages in
// their language, handed over by lib/notifications. Previews use English.

export type ApprovalMessageKey = keyof (typeof en)['approval'];

export type ApprovalTranslator = (key: ApprovalMessageKey, values?: Record<string, string | number>) => string;

/** English, for PreviewProps. */
export const englishApprovalWords: ApprovalTranslator = createTranslator({ locale: 'en', messages: en, namespace: 'approval' });
