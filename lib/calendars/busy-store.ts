import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { bookings, connectedCalendars, externalBusy } from '@/db/schema';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import type { BusyChanges } from './busy-changes';

// Applies one calendar's sync result to external_busy through the host write seam, so the host's
// availability version moves with it. Events Rendezvous wrote for a booking (matched by the stored
// event id) are never imported: the booking itself blocks that time, and cancelling frees it at once.

export interface BusyTarget {
  hostUserId: string;
  connectionId: string;
  calendarId: string;
}

const CHUNK = 500;

export async function applyBusyChanges(deps: HostWriteDeps, target: BusyTarget, changes: BusyChanges, now: number): Promise<void> {
  const syncedAt = new Date(now);
  const cursorUpdate = { syncCursor: changes.cursor, lastSyncedAt: syncedAt };
  if ((!changes.full && changes.upserts.length === 0 && changes.deletes.length === 0) || (changes.full && (await sameAsStored(deps, target, changes)))) {
    await deps.database.update(connectedCalendars).set(cursorUpdate).where(eq(connectedCalendars.id, target.calendarId));
    return;
  }
  await runHostWrite(deps, { hostUserId: target.hostUserId, actor: { kind: 'system', job: 'calendar-sync' } }, async ({ tx }) => {
    const ids = changes.upserts.map((event) => event.id);
    const own = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx
        .select({ id: bookings.calendarEventId })
        .from(bookings)
        .where(and(eq(bookings.hostUserId, target.hostUserId), isNotNull(bookings.calendarEventId), inArray(bookings.calendarEventId, ids.slice(i, i + CHUNK))));
      for (const row of rows) if (row.id) own.add(row.id);
    }
    if (changes.full) {
      await tx.delete(externalBusy).where(eq(externalBusy.calendarId, target.calendarId));
    } else {
      for (let i = 0; i < changes.deletes.length; i += CHUNK) {
        const gone = changes.deletes.slice(i, i + CHUNK);
        // A deleted series also takes its instances (Google instance ids are `<series id>_<start>`).
        await tx.execute(sql`
          with gone(id) as (select jsonb_array_elements_text(${JSON.stringify(gone)}::jsonb))
          delete from external_busy
          where calendar_id = ${target.calendarId}
            and exists (select 1 from gone where source_event_id = gone.id or starts_with(source_event_id, gone.id || '_'))`);
      }
    }
    const rows = changes.upserts
      .filter((event) => !own.has(event.id))
      .map((event) => ({ connectionId: target.connectionId, calendarId: target.calendarId, userId: target.hostUserId, startTime: event.start, endTime: event.end, sourceEventId: event.id }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(externalBusy)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({ target: [externalBusy.calendarId, externalBusy.sourceEventId], set: { startTime: sql`excluded.start_time`, endTime: sql`excluded.end_time` } });
    }
    await tx.update(connectedCalendars).set(cursorUpdate).where(eq(connectedCalendars.id, target.calendarId));
  });
}

const rowKey = (id: string, start: Date, end: Date) => `${id}|${start.getTime()}|${end.getTime()}`;

/**
 * A full read (every ICS poll) that finds exactly what is stored changes nothing: no write, and the
 * host's availability version (and every cached slot) stays. Own events are never stored, so a
 * feed that contains one always counts as changed; that is rare and only costs a rewrite.
 */
async function sameAsStored(deps: HostWriteDeps, target: BusyTarget, changes: BusyChanges): Promise<boolean> {
  const stored = await deps.database
    .select({ id: externalBusy.sourceEventId, start: externalBusy.startTime, end: externalBusy.endTime })
    .from(externalBusy)
    .where(eq(externalBusy.calendarId, target.calendarId));
  if (stored.length !== changes.upserts.length) return false;
  const keys = new Set(stored.map((row) => rowKey(row.id, row.start, row.end)));
  return changes.upserts.every((event) => keys.has(rowKey(event.id, event.start, event.end)));
}

/** A calendar that stops blocking time loses its busy rows and its cursor (the next sync is full). */
export async function clearCalendarBusy(deps: HostWriteDeps, target: BusyTarget): Promise<void> {
  await runHostWrite(deps, { hostUserId: target.hostUserId, actor: { kind: 'system', job: 'calendar-sync' } }, async ({ tx }) => {
    await tx.delete(externalBusy).where(eq(externalBusy.calendarId, target.calendarId));
    await tx.update(connectedCalendars).set({ syncCursor: null }).where(eq(connectedCalendars.id, target.calendarId));
  });
}
