import type { Transaction } from '@/db/client';
import { outbox } from '@/db/schema';
import { type EventName, type EventPayload, eventSchemas } from '@/inngest/events';

// The one outbox writer. An event is recorded in the same transaction as the change it describes,
// so it is never lost and never early. Nothing dispatches these rows yet: they wait with dispatched_at null.

export async function writeOutboxEvent<N extends EventName>(tx: Transaction, name: N, payload: EventPayload<N>): Promise<void> {
  const parsed = eventSchemas[name].parse(payload) as Record<string, unknown>;
  await tx.insert(outbox).values({ eventName: name, payload: parsed });
}
