import { z } from 'zod';
import { webhookEventTypes } from '@/db/schema';
import { MAX_WEBHOOK_URL_LENGTH } from '../target';

// What the dashboard (and the host API) may send about webhook endpoints.

export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const webhookEndpointInputSchema = z
  .object({
    url: z.string().trim().min(1, 'Enter the URL to send events to').max(MAX_WEBHOOK_URL_LENGTH),
    events: z
      .array(webhookEventTypeSchema)
      .min(1, 'Pick at least one event')
      .max(webhookEventTypes.length)
      .transform((events) => [...new Set(events)]),
  })
  .strict();
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInputSchema>;

export const webhookEndpointIdSchema = z.object({ id: z.uuid() }).strict();
export const webhookEndpointUpdateSchema = z.object({ id: z.uuid(), fields: webhookEndpointInputSchema }).strict();
export const webhookEndpointEnabledSchema = z.object({ id: z.uuid(), enabled: z.boolean() }).strict();
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.string().regex(/^msg_[A-Za-z0-9_-]{16,36}$/, 'Not a delivery id') }).strict();
export const webhookDeliveryLogSchema = z.object({ id: z.uuid(), limit: z.number().int().min(1).max(100).default(50) }).strict();

/** The host API's PUT body: the dashboard's fields, and `enabled` to turn the endpoint off or on again. */
export const webhookEndpointApiUpdateSchema = webhookEndpointInputSchema.extend({ enabled: z.boolean().optional() }).strict();
/** The host API's delivery log query: how many of the latest deliveries (1–100, 50 by default). */
export const webhookDeliveryLogQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) });
