import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

// Inline mode keeps no timers it cannot lose: each minute it asks the database which confirmed
// bookings have a reminder due within the horizon that is not settled yet (a pending one is retried), and runs their
// reminder job again (the job skips what was sent). A restart loses nothing but at most a minute.
// The '2 hours' below is DAY_REMINDER_CUTOFF_MS: a late 24-hour reminder is not sent that close to the start.

const SCAN_LIMIT = 500;
/** A reminder left pending (a transient failure, a crash after its claim) is retried until this many attempts. */
const MAX_REMINDER_ATTEMPTS = 8;
/** Recorded for good: sent, captured, failed, or pending past its attempts. */
const settled = sql.raw(`(e.status <> 'pending' or e.attempts >= ${MAX_REMINDER_ATTEMPTS})`);

export interface DueReminder {
  bookingId: string;
  hostUserId: string;
  meetingTypeId: string;
  start: Date;
  end: Date;
  createdAt: Date;
}

export async function findDueReminders(database: Database, now: Date, horizonMs: number): Promise<DueReminder[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const until = sql`${new Date(now.getTime() + horizonMs).toISOString()}::timestamptz`;
  const rows = await database.execute<{ id: string; host_user_id: string; meeting_type_id: string; start_time: Date; end_time: Date; created_at: Date }>(sql`
    select b.id, b.host_user_id, b.meeting_type_id, b.start_time, b.end_time, b.created_at
    from bookings b
    join users h on h.id = b.host_user_id
    where b.status = 'confirmed'
      and b.start_time > ${at}
      and b.start_time - interval '1 hour' <= ${until} + interval '23 hours'
      and exists (
        select 1 from (values ('reminder_24h', interval '24 hours'), ('reminder_1h', interval '1 hour')) as r(kind, lead)
        where b.start_time - r.lead <= ${until}
          and b.start_time - r.lead > b.created_at
          and (r.kind = 'reminder_1h' or b.start_time - interval '2 hours' > ${at})
          and (
            not exists (select 1 from email_notifications e where e.booking_id = b.id and e.notification_type = r.kind and e.recipient_email = b.invitee_email and ${settled})
            or (h.host_reminder_emails and not exists (select 1 from email_notifications e where e.booking_id = b.id and e.notification_type = r.kind and e.recipient_email = h.email and ${settled}))
          )
      )
    order by b.start_time
    limit ${SCAN_LIMIT}
  `);
  return rows.map((row) => ({
    bookingId: row.id,
    hostUserId: row.host_user_id,
    meetingTypeId: row.meeting_type_id,
    start: new Date(row.start_time),
    end: new Date(row.end_time),
    createdAt: new Date(row.created_at),
  }));
}
