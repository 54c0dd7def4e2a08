import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { prebuilt } from '@/db/prebuilt';
import { outbox } from '@/db/schema';
import { type EventName, type EventPayload, eventSchemas } from '@/lib/jobs/events';

// The one outbox writer. An event is recorded in the same transaction as the change it describes,
// so it is never lost and never early; lib/jobs/dispatch hands it on after commit.

/** Built once (db/prebuilt.ts): every booking writes one. */
const insertOutboxRow = prebuilt<{ eventName: string; payload: Record<string, unknown> }, { id: string }[]>('insert_outbox_row', (database) =>
  database
    .insert(outbox)
    .values({ eventName: sql.placeholder('eventName'), payload: sql.placeholder('payload') })
    .returning({ id: outbox.id }),
);

/** Returns the row id, which becomes the event's id (Inngest de-duplicates on it). */
export async function writeOutboxEvent<N extends EventName>(tx: Transaction, name: N, payload: EventPayload<N>): Promise<string> {
  const parsed = eventSchemas[name].parse(payload) as Record<string, unknown>;
  const [row] = await insertOutboxRow(tx, { eventName: name, payload: parsed });
  return row!.id;
}
