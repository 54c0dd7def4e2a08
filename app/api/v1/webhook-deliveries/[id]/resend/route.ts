import { apiRoute } from '@/lib/actions/api-route';
import { notFound } from '@/lib/errors';
import { json } from '@/lib/http';
import { webhookDeliveryIdSchema } from '@/lib/webhooks/endpoints/schemas';
import { resendWebhookDelivery } from '@/lib/webhooks/endpoints/send-now';

// Sends a delivery (`msg_…`, from an endpoint's log) again, under its own webhook-id: the settings
// page's "Resend". 202; no body. Another host's delivery, or a malformed id, is a 404.
export const POST = apiRoute<{ id: string }>('read-write', async (_request, { id }, ctx) => {
  const parsed = webhookDeliveryIdSchema.safeParse({ deliveryId: id });
  if (!parsed.success) throw notFound('Webhook delivery');
  return json(await resendWebhookDelivery(ctx, parsed.data), 202);
});
