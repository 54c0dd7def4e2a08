import 'server-only';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { openToken, type SealContext, sealToken } from '@/lib/calendars/token-vault';

// Standard Webhooks signing: a `whsec_` secret (base64 of 32 random bytes), shown to the host once
// and stored sealed like calendar tokens (bound to its row); an `msg_` id per message, the same on
// every attempt; the timestamp is the attempt's, so receivers can refuse old replays.

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function newMessageId(): string {
  return `msg_${randomBytes(18).toString('base64url')}`;
}

const secretContext = (endpointId: string): SealContext => ({ table: 'webhook_endpoints', column: 'secret_encrypted', rowId: endpointId });
export const sealWebhookSecret = (endpointId: string, secret: string) => sealToken(secret, secretContext(endpointId));
export const openWebhookSecret = (endpointId: string, sealed: string) => openToken(sealed, secretContext(endpointId));

export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}
