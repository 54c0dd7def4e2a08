import type { DispatchedEvent } from '@/lib/jobs/events';

// Where dispatch hands events: Inngest, or the inline runner. Installed once per process by the
// composition root (inngest/start.ts); kept on globalThis because Next.js bundles instrumentation
// and routes separately. With no sink installed, rows simply stay pending for a later sweep.

export interface EventSink {
  /**
   * Resolves once the event is safe elsewhere: accepted by Inngest, or its inline functions have
   * finished (a reminder still to come is found again from the database). Throws to keep it pending.
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
