import type { EmailAttachment } from '@/db/schema';

// The port every mail adapter implements (capture in ./transport, Resend in ./resend-transport). Its
// own file so the selector and the adapters import it without importing each other.

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
