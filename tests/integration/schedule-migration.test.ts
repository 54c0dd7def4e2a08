import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase, type Database } from '@/db/client';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { loadMeetingTypeSchedule, scheduleInput } from '@/lib/availability/load-schedule';
import { DEFAULT_WEEKLY_HOURS } from '@/lib/hosts/accounts/create-host';
import { DEMO_MEETING_TYPES, demoHost } from '@/lib/hosts/accounts/demo-host';
import { addDays, type BookedRange, computeSlots, type DateOverride, type Interval, MS_PER_DAY, type MeetingPolicy, type WeeklyRule } from '@/lib/scheduling';
import { dropDatabase } from '../setup/test-database';
import { uniqueSuffix } from '../factories';

// Migration 0022 moves every host's hours and overrides into a default schedule. This proves it changes
// no slot: realistic hosts (the demo host, hand-made hosts in awkward zones across their DST changes,
// and generated ones) are written on a database migrated up to just before 0022; every meeting type's
// slots for 62 days are computed from that data model (rules and zone by host), then again after 0022
// by the production loader (rules and zone by schedule), and compared exactly.

const adminUrl = inject('adminDatabaseUrl');
const name = `rendezvous_schedules_${uniqueSuffix()}`;
const folder = mkdtempSync(path.join(tmpdir(), 'rendezvous-migrations-'));

/** The range holds the spring DST changes of New York (14 Mar), Europe (28 Mar), Lord Howe and Chatham (4 Apr). */
const NOW = Date.parse('2027-03-01T00:00:00Z');
const FIRST_DATE = '2027-03-01';
const RANGE: Interval = { start: NOW, end: NOW + 62 * MS_PER_DAY };

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'] as const;

interface SeedMeetingType {
  durationMinutes: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  slotIntervalMinutes?: number | null;
  minNoticeMinutes?: number;
  maxDaysInFuture?: number;
  maxBookingsPerDay?: number | null;
}

interface SeedHost {
  timeZone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  meetingTypes: SeedMeetingType[];
  /** Day offset from FIRST_DATE and a UTC hour; status cancelled ones must not block. */
  bookings: { day: number; hour: number; cancelled: boolean }[];
}

const rule = (dayOfWeek: number, startTime: string, endTime: string): WeeklyRule => ({ dayOfWeek, startTime, endTime });
const dayOff = (date: string): DateOverride => ({ date, startTime: null, endTime: null });
const hoursOn = (date: string, startTime: string, endTime: string): DateOverride => ({ date, startTime, endTime });

const HAND_MADE: SeedHost[] = [
  {
    timeZone: demoHost.timeZone,
    rules: DEFAULT_WEEKLY_HOURS,
    overrides: [],
    meetingTypes: DEMO_MEETING_TYPES.map((type) => ({ durationMinutes: type.durationMinutes, bufferAfterMinutes: type.bufferAfterMinutes ?? 0 })),
    bookings: [{ day: 1, hour: 15, cancelled: false }, { day: 2, hour: 14, cancelled: true }],
  },
  {
    // New York across its gap (02:00 does not exist on 14 March) and a date with its own hours.
    timeZone: 'America/New_York',
    rules: [rule(0, '01:00', '04:00'), rule(1, '09:00', '12:00'), rule(1, '13:00', '17:30'), rule(3, '20:00', '24:00')],
    overrides: [hoursOn('2027-03-14', '01:30', '03:30'), dayOff('2027-03-15'), hoursOn('2027-03-22', '07:00', '08:00'), hoursOn('2027-03-22', '18:00', '19:00')],
    meetingTypes: [{ durationMinutes: 30, slotIntervalMinutes: 10, bufferBeforeMinutes: 5 }, { durationMinutes: 90, maxBookingsPerDay: 1 }],
    bookings: [{ day: 7, hour: 14, cancelled: false }, { day: 21, hour: 18, cancelled: false }],
  },
  {
    timeZone: 'Europe/London',
    rules: [1, 2, 3, 4, 5].flatMap((day) => [rule(day, '09:00', '12:30'), rule(day, '13:30', '17:30')]).concat(rule(6, '10:00', '14:00'), rule(0, '00:30', '03:30')),
    overrides: [hoursOn('2027-03-28', '00:30', '03:30'), dayOff('2027-03-29'), hoursOn('2027-03-31', '06:00', '24:00')],
    meetingTypes: [{ durationMinutes: 45, slotIntervalMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 10 }, { durationMinutes: 20, minNoticeMinutes: 24 * 60 }],
    bookings: [{ day: 3, hour: 10, cancelled: false }, { day: 27, hour: 9, cancelled: false }, { day: 30, hour: 12, cancelled: true }],
  },
  {
    timeZone: 'Australia/Lord_Howe',
    rules: [0, 1, 2, 3, 4, 5, 6].map((day) => rule(day, '08:00', '24:00')),
    overrides: [hoursOn('2027-04-04', '00:00', '03:00'), dayOff('2027-04-05')],
    meetingTypes: [{ durationMinutes: 30, slotIntervalMinutes: 30 }],
    bookings: [{ day: 33, hour: 1, cancelled: false }],
  },
  {
    timeZone: 'Asia/Kathmandu',
    rules: [0, 1, 2, 3, 4].map((day) => rule(day, '10:00', '18:00')),
    overrides: [hoursOn('2027-03-10', '06:15', '07:45')],
    meetingTypes: [{ durationMinutes: 60, maxBookingsPerDay: 3, slotIntervalMinutes: 60 }, { durationMinutes: 15 }],
    bookings: [{ day: 5, hour: 6, cancelled: false }, { day: 5, hour: 9, cancelled: false }, { day: 12, hour: 8, cancelled: false }],
  },
  {
    timeZone: 'Pacific/Chatham',
    rules: [1, 2, 3, 4, 5].map((day) => rule(day, '08:45', '16:15')).concat(rule(0, '02:00', '05:00')),
    overrides: [hoursOn('2027-04-04', '02:30', '04:30')],
    meetingTypes: [{ durationMinutes: 25, slotIntervalMinutes: 5, bufferAfterMinutes: 5 }],
    bookings: [{ day: 9, hour: 22, cancelled: false }],
  },
  {
    timeZone: 'America/Sao_Paulo',
    rules: [rule(6, '08:00', '12:00'), rule(0, '08:00', '12:00')],
    overrides: [dayOff('2027-03-06')],
    meetingTypes: [{ durationMinutes: 60, bufferBeforeMinutes: 30, maxDaysInFuture: 30 }],
    bookings: [],
  },
];

const quarterHour = (max: number) => fc.integer({ min: 0, max }).map((quarters) => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`);
const windowArb = fc.tuple(quarterHour(95), fc.integer({ min: 1, max: 40 })).map(([start, length]) => {
  const [hours = 0, minutes = 0] = start.split(':').map(Number);
  const end = Math.min(hours * 60 + minutes + length * 15, 24 * 60);
  return { startTime: start, endTime: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}` };
});

const generatedHost: fc.Arbitrary<SeedHost> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  rules: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), windowArb).map(([day, window]) => ({ dayOfWeek: day, ...window })), { maxLength: 12 }),
  overrides: fc
    .uniqueArray(fc.integer({ min: -2, max: 64 }), { maxLength: 6 })
    .chain((days) => fc.tuple(...days.map((day) => fc.option(windowArb).map((window) => ({ date: addDays(FIRST_DATE, day), startTime: window?.startTime ?? null, endTime: window?.endTime ?? null }))))),
  meetingTypes: fc.array(
    fc.record({
      durationMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
      bufferBeforeMinutes: fc.constantFrom(0, 5, 15),
      bufferAfterMinutes: fc.constantFrom(0, 10, 30),
      slotIntervalMinutes: fc.constantFrom(null, 5, 15, 30, 60),
      minNoticeMinutes: fc.constantFrom(0, 60, 24 * 60),
      maxDaysInFuture: fc.integer({ min: 14, max: 90 }),
      maxBookingsPerDay: fc.constantFrom(null, 1, 3),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // One booking a day at most, 02:00–20:00 UTC: buffers never reach the next day's booking.
  bookings: fc.uniqueArray(fc.integer({ min: 0, max: 61 }), { maxLength: 8 }).chain((days) =>
    fc.tuple(...days.map((day) => fc.record({ day: fc.constant(day), hour: fc.integer({ min: 2, max: 20 }), cancelled: fc.boolean() }))),
  ),
});

const HOSTS = [...HAND_MADE, ...fc.sample(generatedHost, { numRuns: 24, seed: 18 })];

/** Applies the committed migrations before 0022, as a database deployed before schedules. */
async function migrateBeforeSchedules(url: string) {
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.tag < '0022_') }));
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Raw SQL: the schema in code is newer than this database. Returns the meeting type ids. */
async function seedHost(database: Database, host: SeedHost): Promise<string[]> {
  const suffix = uniqueSuffix();
  const [user] = await database.execute<{ id: string }>(sql`
    insert into users (email, name, username, time_zone, email_verified) values (${`zone-${suffix}@example.test`}, 'Zone host', ${`zone-${suffix}`}, ${host.timeZone}, now()) returning id`);
  const userId = user!.id;
  for (const { dayOfWeek, startTime, endTime } of host.rules) {
    await database.execute(sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${userId}, ${dayOfWeek}, ${startTime}, ${endTime})`);
  }
  for (const { date, startTime, endTime } of host.overrides) {
    await database.execute(sql`insert into availability_overrides (user_id, date, start_time, end_time) values (${userId}, ${date}, ${startTime}, ${endTime})`);
  }
  const ids: string[] = [];
  for (const [index, type] of host.meetingTypes.entries()) {
    const [row] = await database.execute<{ id: string }>(sql`
      insert into meeting_types (user_id, name, slug, duration_minutes, buffer_before_minutes, buffer_after_minutes, slot_interval_minutes, min_notice_minutes, max_days_in_future, max_bookings_per_day)
      values (${userId}, ${`Type ${index}`}, ${`type-${index}`}, ${type.durationMinutes}, ${type.bufferBeforeMinutes ?? 0}, ${type.bufferAfterMinutes ?? 0},
              ${type.slotIntervalMinutes ?? null}, ${type.minNoticeMinutes ?? 0}, ${type.maxDaysInFuture ?? 60}, ${type.maxBookingsPerDay ?? null})
      returning id`);
    ids.push(row!.id);
  }
  for (const [index, booking] of host.bookings.entries()) {
    const start = new Date(NOW + booking.day * MS_PER_DAY + booking.hour * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const token = `${suffix}-${index}`;
    await database.execute(sql`
      insert into bookings (meeting_type_id, host_user_id, invitee_name, invitee_email, start_time, end_time, invitee_timezone, status, cancelled_at, buffer_before_minutes, buffer_after_minutes, cancel_token_hash, reschedule_token_hash)
      values (${ids[index % ids.length]!}, ${userId}, 'Invitee', ${`invitee-${token}@example.test`}, ${start.toISOString()}, ${end.toISOString()}, 'UTC',
              ${booking.cancelled ? 'cancelled' : 'confirmed'}, ${booking.cancelled ? end.toISOString() : null}, 15, 15, ${`c-${token}`}, ${`r-${token}`})`);
  }
  return ids;
}

interface BeforeRow extends Record<string, unknown> {
  time_zone: string;
  policy: Omit<MeetingPolicy, 'id'>;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  bookings: [number, number, number, number, string][];
}

/** The engine's input as the code before 0022 read it: rules, overrides and zone belong to the host. */
async function slotsBefore(database: Database, meetingTypeId: string): Promise<Interval[]> {
  const [row] = await database.execute<BeforeRow>(sql`
    select u.time_zone,
           json_build_object('durationMinutes', mt.duration_minutes, 'bufferBeforeMinutes', mt.buffer_before_minutes, 'bufferAfterMinutes', mt.buffer_after_minutes,
                             'slotIntervalMinutes', mt.slot_interval_minutes, 'minNoticeMinutes', mt.min_notice_minutes, 'maxDaysInFuture', mt.max_days_in_future,
                             'maxBookingsPerDay', mt.max_bookings_per_day) as policy,
           coalesce((select json_agg(json_build_object('dayOfWeek', r.day_of_week, 'startTime', to_char(r.start_time, 'HH24:MI:SS'), 'endTime', to_char(r.end_time, 'HH24:MI:SS')))
                     from availability_rules r where r.user_id = mt.user_id and r.is_active), '[]'::json) as rules,
           coalesce((select json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'), 'startTime', to_char(o.start_time, 'HH24:MI:SS'), 'endTime', to_char(o.end_time, 'HH24:MI:SS')))
                     from availability_overrides o where o.user_id = mt.user_id), '[]'::json) as overrides,
           coalesce((select json_agg(json_build_array(extract(epoch from b.start_time) * 1000, extract(epoch from b.end_time) * 1000, b.buffer_before_minutes, b.buffer_after_minutes, b.meeting_type_id))
                     from bookings b where b.host_user_id = mt.user_id and b.status = 'confirmed'), '[]'::json) as bookings
    from meeting_types mt join users u on u.id = mt.user_id
    where mt.id = ${meetingTypeId}`);
  const { time_zone: timeZone, policy, rules, overrides } = row!;
  const bookings: BookedRange[] = row!.bookings.map(([start, end, bufferBeforeMinutes, bufferAfterMinutes, typeId]) => ({
    start: Math.round(Number(start)),
    end: Math.round(Number(end)),
    bufferBeforeMinutes,
    bufferAfterMinutes,
    meetingTypeId: typeId,
  }));
  return computeSlots({ timeZone, rules, overrides, busy: [], bookings, meetingType: { id: meetingTypeId, ...policy }, now: NOW }, RANGE);
}

/** After 0022, through the production loader: the meeting type's schedule (here the default). */
async function slotsAfter(database: Database, meetingTypeId: string): Promise<Interval[]> {
  const schedule = await loadMeetingTypeSchedule(database, meetingTypeId, RANGE);
  return computeSlots(scheduleInput(schedule!, schedule!.policy, NOW), RANGE);
}

let database: Database;
const before = new Map<string, Interval[]>();

beforeAll(async () => {
  const url = await ensureDatabase(adminUrl, name);
  await migrateBeforeSchedules(url);
  database = createDatabase(url, { max: 2 });
  const meetingTypeIds = (await Promise.all(HOSTS.map((host) => seedHost(database, host)))).flat();
  for (const id of meetingTypeIds) before.set(id, await slotsBefore(database, id));
  await migrateDatabase(url);
}, 120_000);

afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
  await dropDatabase(adminUrl, name);
});

describe('migration 0022 (schedules) on existing hosts', () => {
  it('changes no slot of any meeting type over 62 days, across every DST change in the range', async () => {
    let total = 0;
    for (const [id, slots] of before) {
      expect(await slotsAfter(database, id), `meeting type ${id}`).toEqual(slots);
      total += slots.length;
    }
    // The comparison is not vacuous: most meeting types offer times, thousands in all.
    expect([...before.values()].filter((slots) => slots.length > 0).length).toBeGreaterThan(before.size * 0.7);
    expect(total).toBeGreaterThan(5_000);
  });

  it('gives each host one default schedule named "Working hours" in their zone, holding all their rules and overrides', async () => {
    const rows = await database.execute<{ zones_match: boolean; schedules: number; defaults: number; stray_rules: number; stray_overrides: number }>(sql`
      select bool_and(s.time_zone = u.time_zone and s.name = 'Working hours') as zones_match, count(s.id)::int as schedules, count(s.id) filter (where s.is_default)::int as defaults,
             (select count(*)::int from availability_rules r where r.user_id = u.id and r.schedule_id is distinct from (select id from schedules where user_id = u.id and is_default)) as stray_rules,
             (select count(*)::int from availability_overrides o where o.user_id = u.id and o.schedule_id is distinct from (select id from schedules where user_id = u.id and is_default)) as stray_overrides
      from users u left join schedules s on s.user_id = u.id group by u.id`);
    expect(rows.length).toBe(HOSTS.length);
    for (const row of rows) expect(row).toEqual({ zones_match: true, schedules: 1, defaults: 1, stray_rules: 0, stray_overrides: 0 });
    const [meetingTypes] = await database.execute<{ with_schedule: number }>(sql`select count(*)::int as with_schedule from meeting_types where schedule_id is not null`);
    expect(meetingTypes?.with_schedule).toBe(0);
  });

  it('makes a default schedule for each host created later, and puts rules written without a schedule into it', async () => {
    const suffix = uniqueSuffix();
    const [user] = await database.execute<{ id: string }>(sql`insert into users (email, name, username, time_zone) values (${`late-${suffix}@example.test`}, 'Late host', ${`late-${suffix}`}, 'Asia/Kathmandu') returning id`);
    await database.execute(sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${user!.id}, 1, '09:00', '17:00')`);
    const [schedule] = await database.execute<{ id: string; name: string; time_zone: string; is_default: boolean; rules: number }>(sql`
      select s.id, s.name, s.time_zone, s.is_default, (select count(*)::int from availability_rules r where r.schedule_id = s.id) as rules from schedules s where s.user_id = ${user!.id}`);
    expect(schedule).toMatchObject({ name: 'Working hours', time_zone: 'Asia/Kathmandu', is_default: true, rules: 1 });
  });
});
