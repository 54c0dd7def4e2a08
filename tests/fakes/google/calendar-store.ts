import { randomBytes } from 'node:crypto';

// The fake Google account's calendars and events. Every change gets a sequence number, so a sync
// token ("everything after change N") can answer incremental syncs as Google does; recurring events
// (RRULE:FREQ=DAILY|WEEKLY;COUNT=n) expand into instances `<id>_<yyyymmddThhmmssZ>` like singleEvents=true.

export interface GoogleTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

export interface StoredEvent {
  id: string;
  calendarId: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  location?: string;
  start: GoogleTime;
  end: GoogleTime;
  transparency?: 'opaque' | 'transparent';
  attendees?: { email?: string; displayName?: string; self?: boolean; responseStatus?: string }[];
  recurrence?: string[];
  hangoutLink?: string;
  conferenceData?: unknown;
  extendedProperties?: unknown;
  seq: number;
}

export interface GoogleCalendarEntry {
  id: string;
  summary: string;
  primary?: boolean;
  accessRole: 'owner' | 'writer' | 'reader';
  timeZone: string;
}

const DAY = 24 * 60 * 60 * 1000;
const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export class GoogleCalendarStore {
  readonly calendars = new Map<string, GoogleCalendarEntry>();
  private readonly events = new Map<string, StoredEvent>();
  private seq = 0;

  constructor(readonly accountEmail: string) {
    this.calendars.set(accountEmail, { id: accountEmail, summary: accountEmail, primary: true, accessRole: 'owner', timeZone: 'UTC' });
  }

  get currentSeq(): number {
    return this.seq;
  }

  addCalendar(entry: Omit<GoogleCalendarEntry, 'timeZone'> & { timeZone?: string }): void {
    this.calendars.set(entry.id, { timeZone: 'UTC', ...entry });
  }

  put(calendarId: string, event: Omit<StoredEvent, 'calendarId' | 'seq' | 'status' | 'id'> & { id?: string; status?: StoredEvent['status'] }): StoredEvent {
    const stored: StoredEvent = { status: 'confirmed', ...event, id: event.id ?? `ev${randomBytes(8).toString('hex')}`, calendarId, seq: ++this.seq };
    this.events.set(this.key(calendarId, stored.id), stored);
    return stored;
  }

  get(calendarId: string, id: string): StoredEvent | undefined {
    return this.events.get(this.key(calendarId, id));
  }

  update(calendarId: string, id: string, patch: Partial<StoredEvent>): StoredEvent | undefined {
    const current = this.get(calendarId, id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, calendarId, seq: ++this.seq };
    this.events.set(this.key(calendarId, id), next);
    return next;
  }

  cancel(calendarId: string, id: string): boolean {
    const current = this.get(calendarId, id);
    if (!current || current.status === 'cancelled') return false;
    this.update(calendarId, id, { status: 'cancelled' });
    return true;
  }

  /** Live (not cancelled) events of a calendar, unexpanded. */
  live(calendarId: string): StoredEvent[] {
    return [...this.events.values()].filter((e) => e.calendarId === calendarId && e.status === 'confirmed');
  }

  /** Instances (singleEvents=true) of events changed after `afterSeq`, or all live ones overlapping a range. */
  instances(calendarId: string, query: { afterSeq?: number; range?: { start: number; end: number } }): Record<string, unknown>[] {
    const chosen = [...this.events.values()].filter(
      (e) => e.calendarId === calendarId && (query.afterSeq === undefined ? e.status === 'confirmed' : e.seq > query.afterSeq),
    );
    const expanded = chosen.flatMap((event) => this.expand(event));
    if (!query.range) return expanded;
    const { start, end } = query.range;
    return expanded.filter((e) => {
      const s = Date.parse((e.start as GoogleTime).dateTime ?? `${(e.start as GoogleTime).date}T00:00:00Z`);
      const f = Date.parse((e.end as GoogleTime).dateTime ?? `${(e.end as GoogleTime).date}T00:00:00Z`);
      return s < end && f > start;
    });
  }

  private expand(event: StoredEvent): Record<string, unknown>[] {
    const { seq: _seq, calendarId: _calendar, recurrence, ...wire } = event;
    const rule = recurrence?.find((line) => line.startsWith('RRULE:'));
    if (!rule || !event.start.dateTime || !event.end.dateTime) return [wire];
    const freq = /FREQ=(DAILY|WEEKLY)/.exec(rule)?.[1];
    const count = Math.min(Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? '10'), 500);
    const step = freq === 'WEEKLY' ? 7 * DAY : DAY;
    const start = Date.parse(event.start.dateTime);
    const length = Date.parse(event.end.dateTime) - start;
    return Array.from({ length: count }, (_, i) => {
      const instanceStart = new Date(start + i * step).toISOString();
      return {
        ...wire,
        id: `${event.id}_${compact(instanceStart)}`,
        recurringEventId: event.id,
        start: { dateTime: instanceStart },
        end: { dateTime: new Date(start + i * step + length).toISOString() },
      };
    });
  }

  private key(calendarId: string, id: string): string {
    return `${calendarId}\u0000${id}`;
  }
}
