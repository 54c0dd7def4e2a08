import { fromZonedTime } from 'date-fns-tz';
import { z } from 'zod';
import type { EventVerdict } from '../busy-changes';

// One Microsoft Graph event (calendarView, so recurring series arrive as occurrences) → busy or not.
// Removed, cancelled, free / working-elsewhere and declined events do not block; nor does a series master.

const when = z.object({ dateTime: z.string(), timeZone: z.string().optional() });

export const graphEventSchema = z.object({
  id: z.string().min(1).max(1024),
  '@removed': z.object({ reason: z.string().optional() }).optional(),
  isCancelled: z.boolean().optional(),
  showAs: z.string().optional(),
  type: z.string().optional(),
  responseStatus: z.object({ response: z.string().optional() }).optional(),
  start: when.optional(),
  end: when.optional(),
});
export type GraphEvent = z.infer<typeof graphEventSchema>;

const NOT_BUSY = new Set(['free', 'workingElsewhere']);

/** Graph writes `2027-01-11T15:00:00.0000000` plus a zone name (UTC when we ask for it). */
export function graphInstant(value: z.infer<typeof when> | undefined): Date | null {
  if (!value) return null;
  const local = value.dateTime.replace(/(\.\d{3})\d*$/, '$1');
  try {
    const zone = !value.timeZone || value.timeZone === 'UTC' ? 'UTC' : value.timeZone;
    const parsed = fromZonedTime(local, zone);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  } catch {
    return null;
  }
}

export function graphEventVerdict(event: GraphEvent): EventVerdict {
  const notBusy: EventVerdict = { kind: 'not_busy', id: event.id };
  if (event['@removed'] || event.isCancelled || event.type === 'seriesMaster') return notBusy;
  if (event.showAs && NOT_BUSY.has(event.showAs)) return notBusy;
  if (event.responseStatus?.response === 'declined') return notBusy;
  const start = graphInstant(event.start);
  const end = graphInstant(event.end);
  if (!start || !end || end <= start) return notBusy;
  return { kind: 'busy', event: { id: event.id, start, end } };
}
