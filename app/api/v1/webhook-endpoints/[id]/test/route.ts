import { apiRoute } from '@/lib/actions/api-route';
import { json } from '@/lib/http';
import { sendWebhookTestEvent } from '@/lib/webhooks/endpoints/send-now';

// Queues a `webhook.test` message to the endpoint (the settings page's "Send test event"): 202 with the
// delivery's id, which its log shows. No body. Rate limited per host; a turned-off endpoint is a 409.
export const POST = apiRoute<{ id: string }>('read-write', async (_request, { id }, ctx) => json(await sendWebhookTestEvent(ctx, { id }), 202));
