import type { Transaction } from '@/db/client';
import { outbox } from '@/db/schema';
import { type EventName, type EventPayload, eventSchemas } from '@/lib/jobs/events';

// The one outbox writer. An event is recorded in the same transaction as the change it describes,
// so it is never lost and never early; lib/jobs/dispatch hands it on after commit.

/** Returns the row id, which becomes the event's id (Inngest de-duplicates on it). */
export async function writeOutboxEvent<N extends EventName>(tx: Transaction, name: N, payload: EventPayload<N>): Promise<string> {
  const parsed = eventSchemas[name].parse(payload) as Record<string, unknown>;
  const [row] = await tx.insert(outbox).values({ eventName: name, payload: parsed }).returning({ id: outbox.id });
  return row!.id;
}
