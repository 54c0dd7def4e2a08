import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { idempotentCreate } from '@/lib/actions/api-idempotency';
import { json } from '@/lib/http';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints/create';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints/list';
import { webhookEndpointInputSchema } from '@/lib/webhooks/endpoints/schemas';

// The key's host's webhook endpoints: the settings page's list and create verb. The secret is in the
// create reply only: a replay of the same Idempotency-Key answers the endpoint without it (it is never
// stored in the clear; rotate it for a new one).
export const GET = apiRoute('read', async (_request, _params, ctx) => json({ endpoints: await listWebhookEndpoints(ctx) }));

export const POST = apiRoute('read-write', async (request, _params, ctx) => {
  const input = await parseApiBody(request, webhookEndpointInputSchema);
  return idempotentCreate(ctx, request, input, async () => {
    const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
    return { status: 201, body: { endpoint, secret }, replayBody: { endpoint } };
  });
});
