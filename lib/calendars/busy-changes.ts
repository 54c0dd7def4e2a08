import { isProviderStatus } from './provider-request';

// What a provider's sync hands back, whatever the provider: the busy events to keep (insert or
// update), the event ids to forget, and the cursor for the next incremental sync.

export interface BusyEvent {
  /** The provider's event id (for a recurring series, the instance's own id). */
  id: string;
  start: Date;
  end: Date;
}

export interface BusyChanges {
  /** True: replaces everything stored for the calendar (first sync, or the cursor was refused). */
  full: boolean;
  upserts: BusyEvent[];
  deletes: string[];
  /** Google nextSyncToken / Graph deltaLink; null when the provider gave none. */
  cursor: string | null;
}

export type EventVerdict = { kind: 'busy'; event: BusyEvent } | { kind: 'not_busy'; id: string };

/** How far ahead a full sync reads: past the longest booking window (730 days) is never offered. */
export const SYNC_HORIZON_DAYS = 735;
export const SYNC_LOOKBACK_DAYS = 1;
/** A bound on pages per sync (250 events each at Google, 100 at Graph): a runaway cursor cannot loop forever. */
export const MAX_SYNC_PAGES = 200;

export function syncWindow(now: number): { start: Date; end: Date } {
  const day = 24 * 60 * 60 * 1000;
  return { start: new Date(now - SYNC_LOOKBACK_DAYS * day), end: new Date(now + SYNC_HORIZON_DAYS * day) };
}

/** Collects verdicts page by page; the last verdict for an id wins (created, then cancelled → gone). */
export class ChangeCollector {
  private readonly verdicts = new Map<string, BusyEvent | null>();

  add(verdict: EventVerdict): void {
    const id = verdict.kind === 'busy' ? verdict.event.id : verdict.id;
    this.verdicts.delete(id);
    this.verdicts.set(id, verdict.kind === 'busy' ? verdict.event : null);
  }

  changes(full: boolean, cursor: string | null): BusyChanges {
    const upserts: BusyEvent[] = [];
    const deletes: string[] = [];
    for (const [id, event] of this.verdicts) {
      if (event) upserts.push(event);
      else deletes.push(id);
    }
    return { full, upserts, deletes, cursor };
  }
}

/**
 * One sync, for either provider: incremental from the stored cursor, or a full read when there is
 * none or the provider refuses it (410 Gone: an expired sync token or delta link).
 */
export async function readBusyChanges(
  cursor: string | null,
  read: (cursor: string | null) => Promise<{ collector: ChangeCollector; cursor: string | null }>,
): Promise<BusyChanges> {
  if (cursor) {
    try {
      const incremental = await read(cursor);
      return incremental.collector.changes(false, incremental.cursor);
    } catch (error) {
      if (!isProviderStatus(error, 410)) throw error;
    }
  }
  const full = await read(null);
  return full.collector.changes(true, full.cursor);
}
