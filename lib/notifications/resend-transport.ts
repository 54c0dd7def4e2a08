import 'server-only';
import { Resend } from 'resend';
import { type MailTransport, type OutgoingEmail, PermanentMailError } from './transport';

// Resend through its official SDK. A 4xx other than 429 (rate limited) and 409 (the same key still
// in flight) is the message's fault and will not get better by retrying; anything else is transient.

const RETRYABLE_CLIENT_ERRORS = new Set([408, 409, 429]);

export function resendTransport(apiKey: string, baseUrl: string | undefined): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl: baseUrl.replace(/\/$/, '') } : undefined);
  return {
    kind: 'resend',
    async send(email: OutgoingEmail, idempotencyKey: string) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: [email.to],
          replyTo: email.replyTo,
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: email.attachments.map((file) => ({ filename: file.filename, content: Buffer.from(file.content, 'utf8'), contentType: file.contentType })),
        },
        { idempotencyKey },
      );
      if (error) {
        const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null;
        const message = `Resend ${status ?? 'network'} ${error.name}: ${error.message}`;
        if (status !== null && status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status)) throw new PermanentMailError(message);
        throw new Error(message);
      }
      return { providerMessageId: data?.id ?? null };
    },
  };
}
