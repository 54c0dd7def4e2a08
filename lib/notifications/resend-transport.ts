import 'server-only';
import { Resend } from 'resend';
import { type MailTransport, type OutgoingEmail, PermanentMailError } from './mail-port';

// Resend through its official SDK. A 4xx is the message's fault and will not get better by retrying,
// except 408, 429 (rate limited) and a 409 for the same key still in flight; anything else, and a
// request that takes longer than SEND_TIMEOUT_MS, is transient.

const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);
const SEND_TIMEOUT_MS = 15_000;

function isTransient(status: number | null, name: string): boolean {
  if (status === null || status >= 500 || status < 400) return true;
  if (status === 409) return name === 'concurrent_idempotent_requests';
  return RETRYABLE_CLIENT_ERRORS.has(status);
}

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
        { idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
      if (error) {
        const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null;
        const message = `Resend ${status ?? 'network'} ${error.name}: ${error.message}`;
        if (!isTransient(status, error.name)) throw new PermanentMailError(message);
        throw new Error(message);
      }
      return { providerMessageId: data?.id ?? null };
    },
  };
}
