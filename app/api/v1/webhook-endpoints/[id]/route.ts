import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { json } from '@/lib/http';
import { deleteWebhookEndpoint } from '@/lib/webhooks/endpoints/delete';
import { getWebhookEndpoint } from '@/lib/webhooks/endpoints/list';
import { webhookEndpointApiUpdateSchema } from '@/lib/webhooks/endpoints/schemas';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/endpoints/set-enabled';
import { updateWebhookEndpoint } from '@/lib/webhooks/endpoints/update';

// One webhook endpoint: read, replace its URL and events (and turn it off or on with `enabled`, as the
// settings page's switch does), delete it with its delivery log. Another host's id is a 404.
type Params = { id: string };

export const GET = apiRoute<Params>('read', async (_request, { id }, ctx) => json({ endpoint: await getWebhookEndpoint(ctx, { id }) }));

export const PUT = apiRoute<Params>('read-write', async (request, { id }, ctx) => {
  const { enabled, ...fields } = await parseApiBody(request, webhookEndpointApiUpdateSchema);
  let endpoint = await updateWebhookEndpoint(ctx, { id, fields });
  if (enabled !== undefined && enabled !== endpoint.enabled) endpoint = await setWebhookEndpointEnabled(ctx, { id, enabled });
  return json({ endpoint });
});

export const DELETE = apiRoute<Params>('read-write', async (_request, { id }, ctx) => json(await deleteWebhookEndpoint(ctx, { id })));
