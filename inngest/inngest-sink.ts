import 'server-only';
import type { EventSink } from '@/lib/jobs/event-sink';
import { inngestClient } from './client';

/**
 * JOBS=inngest: the outbox row id is the event id, so Inngest drops a row sent twice. No `ts`: Inngest
 * stamps the arrival, so a cancellation swept late is still newer than the run it must cancel.
 */
export const inngestSink: EventSink = {
  async deliver(event) {
    await inngestClient().send({ id: event.id, name: event.name, data: event.data });
  },
};
