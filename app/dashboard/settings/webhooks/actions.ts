'use server';

import { hostAction } from '@/lib/actions/host-action';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints/create';
import { deleteWebhookEndpoint } from '@/lib/webhooks/endpoints/delete';
import { rotateWebhookSecret } from '@/lib/webhooks/endpoints/rotate-secret';
import {
  webhookDeliveryIdSchema,
  webhookEndpointEnabledSchema,
  webhookEndpointIdSchema,
  webhookEndpointInputSchema,
} from '@/lib/webhooks/endpoints/schemas';
import { resendWebhookDelivery, sendWebhookTestEvent } from '@/lib/webhooks/endpoints/send-now';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/endpoints/set-enabled';

// The webhooks page's actions; each goes through hostAction (session → zod → lib → one result shape).

/** The secret comes back once, in this reply. */
export const createWebhookEndpointAction = hostAction(webhookEndpointInputSchema, (input, ctx) => createWebhookEndpoint(ctx, input));

export const rotateWebhookSecretAction = hostAction(webhookEndpointIdSchema, (input, ctx) => rotateWebhookSecret(ctx, input));

export const setWebhookEndpointEnabledAction = hostAction(webhookEndpointEnabledSchema, (input, ctx) => setWebhookEndpointEnabled(ctx, input));

export const deleteWebhookEndpointAction = hostAction(webhookEndpointIdSchema, (input, ctx) => deleteWebhookEndpoint(ctx, input));

export const sendWebhookTestEventAction = hostAction(webhookEndpointIdSchema, (input, ctx) => sendWebhookTestEvent(ctx, input));

export const resendWebhookDeliveryAction = hostAction(webhookDeliveryIdSchema, (input, ctx) => resendWebhookDelivery(ctx, input));
