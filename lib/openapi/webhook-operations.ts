import { z } from 'zod';
import { webhookDeliveryLogQuerySchema, webhookEndpointApiUpdateSchema, webhookEndpointInputSchema } from '@/lib/webhooks/endpoints/schemas';
import { uuidParam } from './host-operations';
import type { Operation } from './operations';
import * as replies from './reply-schemas';

// Webhook endpoints through the host API (app/api/v1/webhook-endpoints, webhook-deliveries): the
// settings page's verbs and zod schemas. A secret (`whsec_…`) is in the create and rotate replies only.

const tag = 'Host API';
const endpointReply = z.object({ endpoint: replies.webhookEndpoint });
const secret = z.string().regex(/^whsec_/).describe('The signing secret, shown in this reply only');
const queued = z.object({ deliveryId: z.string().regex(/^msg_/).describe('The delivery (its `webhook-id`), as the log shows it') });

export const webhookOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/webhook-endpoints',
    tag,
    scope: 'read',
    summary: 'List webhook endpoints',
    replies: { 200: { description: 'Every endpoint, oldest first, without its secret', body: z.object({ endpoints: z.array(replies.webhookEndpoint) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/webhook-endpoints',
    tag,
    scope: 'read-write',
    summary: 'Create a webhook endpoint',
    description:
      'An https URL that resolves to public addresses only (checked now and at every delivery), and the events to send. The reply carries the signing secret once: a repeated Idempotency-Key answers the endpoint without it (rotate it for a new one). At most 10 endpoints per host (409).',
    body: webhookEndpointInputSchema,
    idempotent: true,
    errors: [409, 413, 415, 422],
    replies: { 201: { description: 'Created; `secret` only in the first reply', body: endpointReply.extend({ secret: secret.optional() }) } },
  },
  {
    method: 'get',
    path: '/api/v1/webhook-endpoints/{id}',
    tag,
    scope: 'read',
    summary: 'Get a webhook endpoint',
    pathParams: uuidParam('webhook endpoint'),
    errors: [404],
    replies: { 200: { description: 'The endpoint', body: endpointReply } },
  },
  {
    method: 'put',
    path: '/api/v1/webhook-endpoints/{id}',
    tag,
    scope: 'read-write',
    summary: 'Replace a webhook endpoint’s URL and events',
    description: 'The secret stays. `enabled: false` turns it off; `true` turns it on again (the URL is checked again, the failure streak forgotten, and what waited is sent).',
    pathParams: uuidParam('webhook endpoint'),
    body: webhookEndpointApiUpdateSchema,
    errors: [404, 413, 415],
    replies: { 200: { description: 'The endpoint as saved', body: endpointReply } },
  },
  {
    method: 'delete',
    path: '/api/v1/webhook-endpoints/{id}',
    tag,
    scope: 'read-write',
    summary: 'Delete a webhook endpoint and its delivery log',
    pathParams: uuidParam('webhook endpoint'),
    errors: [404],
    replies: { 200: { description: 'Deleted', body: z.object({ id: z.uuid() }) } },
  },
  {
    method: 'post',
    path: '/api/v1/webhook-endpoints/{id}/rotate-secret',
    tag,
    scope: 'read-write',
    summary: 'Rotate the signing secret',
    description: 'No body. Every attempt from now on, retries included, is signed with the new secret.',
    pathParams: uuidParam('webhook endpoint'),
    errors: [404],
    replies: { 200: { description: 'The new secret, shown once', body: z.object({ secret }) } },
  },
  {
    method: 'get',
    path: '/api/v1/webhook-endpoints/{id}/deliveries',
    tag,
    scope: 'read',
    summary: 'The endpoint’s delivery log',
    description: 'The latest deliveries, newest first, each with every attempt: time, status code (null when no reply came), duration and the first 1 KB of the reply.',
    pathParams: uuidParam('webhook endpoint'),
    query: webhookDeliveryLogQuerySchema,
    errors: [404],
    replies: { 200: { description: 'The log', body: z.object({ deliveries: z.array(replies.webhookDelivery) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/webhook-endpoints/{id}/test',
    tag,
    scope: 'read-write',
    summary: 'Send a test event',
    description: 'No body. Queues a `webhook.test` message, whatever events the endpoint chose. Limited per host (429); a turned-off endpoint is a 409.',
    pathParams: uuidParam('webhook endpoint'),
    errors: [404, 409],
    replies: { 202: { description: 'Queued', body: queued } },
  },
  {
    method: 'post',
    path: '/api/v1/webhook-deliveries/{id}/resend',
    tag,
    scope: 'read-write',
    summary: 'Send a delivery again',
    description: 'No body. One more attempt now under the same `webhook-id`; if it fails, the retry schedule goes on where it was. Limited per host (429); a turned-off endpoint, or a delivery with an attempt running right now, is a 409 (asked twice before its attempt starts, it is sent once).',
    pathParams: { id: { description: 'The delivery’s id (`msg_…`)', schema: { type: 'string', pattern: '^msg_[A-Za-z0-9_-]{16,36}$' } } },
    errors: [404, 409],
    replies: { 202: { description: 'Queued', body: queued } },
  },
];
