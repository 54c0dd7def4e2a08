import { apiRoute } from '@/lib/actions/api-route';
import { json, parseQuery } from '@/lib/http';
import { listWebhookDeliveries } from '@/lib/webhooks/endpoints/delivery-log';
import { webhookDeliveryLogQuerySchema } from '@/lib/webhooks/endpoints/schemas';

// The endpoint's delivery log, as the settings page shows it: the latest deliveries, newest first, each
// with every attempt (time, status code, duration, the first 1 KB of the reply).
export const GET = apiRoute<{ id: string }>('read', async (request, { id }, ctx) => {
  const { limit } = parseQuery(request, webhookDeliveryLogQuerySchema);
  return json({ deliveries: await listWebhookDeliveries(ctx, { id, limit }) });
});
