import 'server-only';
import { env } from '@/lib/env';
import type { MailTransport } from './mail-port';
import { resendTransport } from './resend-transport';

// How a message leaves (the selector over ./mail-port's adapters): through Resend when RESEND_API_KEY
// is set, otherwise captured (the stored email_notifications row is the message, readable at
// /dev/mail). Both are recorded the same way.

const capture: MailTransport = { kind: 'capture', send: async () => ({ providerMessageId: null }) };

let configured: MailTransport | undefined;

export function mailTransport(): MailTransport {
  if (!configured) {
    const { RESEND_API_KEY, RESEND_BASE_URL } = env();
    configured = RESEND_API_KEY ? resendTransport(RESEND_API_KEY, RESEND_BASE_URL) : capture;
  }
  return configured;
}

/** Tests switch between capture and a fake Resend. */
export function resetMailTransportForTests(): void {
  configured = undefined;
}
