import { randomUUID } from 'node:crypto';
import { installedJobsHandoff } from './handoff';
import { type DispatchedEvent, type EventName, type EventPayload, eventSchemas } from '@/lib/jobs/events';

// Where dispatch hands events: Inngest, or the inline runner. Installed once per process by the
// composition root (inngest/start.ts); kept on globalThis because Next.js bundles instrumentation
// and routes separately. With no sink installed, rows simply stay pending for a later sweep.

export interface EventSink {
  /**
   * Resolves once the event is safe elsewhere: accepted by Inngest, or its inline functions have
   * finished (a reminder still to come is found again from the database; a job with a concurrency
   * key, only ever asked for by sendRequest, is queued in the process). Throws to keep it pending.
   */
  deliver(event: DispatchedEvent): Promise<void>;
}

const holder = globalThis as unknown as { __rendezvousEventSink?: EventSink };

export function installEventSink(sink: EventSink | undefined): void {
  holder.__rendezvousEventSink = sink;
}

export function installedEventSink(): EventSink | undefined {
  return holder.__rendezvousEventSink;
}

/**
 * Asks the job runner for work that a poll repeats anyway (a calendar sync), straight to the sink and
 * not through the outbox: a lost request costs a delay, never data, so it is worth no row. With a
 * jobs worker it goes to the worker; with no sink installed (a script, a test that installs none)
 * nothing runs.
 */
export async function sendRequest<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void> {
  const event = { id: randomUUID(), name, data: eventSchemas[name].parse(payload), ts: Date.now() } as DispatchedEvent;
  const handoff = installedJobsHandoff();
  if (handoff) handoff.request(event);
  else await installedEventSink()?.deliver(event);
}
