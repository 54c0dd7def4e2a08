import 'server-only';
import type { EmailAttachment } from '@/db/schema';
import { env } from '@/lib/env';
import { resendTransport } from './resend-transport';

// How a message leaves: through Resend when RESEND_API_KEY is set, otherwise captured (the stored
// email_notifications row is the message, readable at /dev/mail). Both are recorded the same way.

export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

/** The provider refused the message for good (invalid address, 4xx): recorded, never retried. */
export class PermanentMailError extends Error {}

export interface MailTransport {
  readonly kind: 'capture' | 'resend';
  /** The same idempotency key for every attempt at one message, so a retry never mails twice. */
  send(email: OutgoingEmail, idempotencyKey: string): Promise<{ providerMessageId: string | null }>;
}

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
