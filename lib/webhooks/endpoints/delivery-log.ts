import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { type WebhookDeliveryStatus, webhookAttempts, webhookDeliveries } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { findOwnEndpoint } from './owned-endpoint';

// An endpoint's delivery log: its latest deliveries, newest first, each with every attempt.

export interface WebhookAttemptView {
  attemptNumber: number;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  attemptLog: WebhookAttemptView[];
}

export async function listWebhookDeliveries(ctx: HostContext, input: { id: string; limit?: number }): Promise<WebhookDeliveryView[]> {
  await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  const deliveries = await ctx.database
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, input.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(input.limit ?? 50);
  if (deliveries.length === 0) return [];
  const attempts = await ctx.database
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveries.map((delivery) => delivery.id)))
    .orderBy(asc(webhookAttempts.attemptNumber));
  return deliveries.map((delivery) => ({
    ...delivery,
    attemptLog: attempts
      .filter((entry) => entry.deliveryId === delivery.id)
      .map(({ attemptNumber, attemptedAt, statusCode, error, durationMs, responseExcerpt }) => ({ attemptNumber, attemptedAt, statusCode, error, durationMs, responseExcerpt })),
  }));
}
