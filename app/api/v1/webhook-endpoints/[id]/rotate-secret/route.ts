import { apiRoute } from '@/lib/actions/api-route';
import { json } from '@/lib/http';
import { rotateWebhookSecret } from '@/lib/webhooks/endpoints/rotate-secret';

// A new signing secret, in this reply only; every attempt from now on is signed with it. No body.
export const POST = apiRoute<{ id: string }>('read-write', async (_request, { id }, ctx) => json(await rotateWebhookSecret(ctx, { id })));
