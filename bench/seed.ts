import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { availabilityRules, bookings, calendarConnections, connectedCalendars, externalBusy, meetingTypes, users } from '@/db/schema';
import { type Interval, localDateRangeToInterval } from '@/lib/scheduling';
import { randomInt, seededRandom } from './prng';

// Benchmark data, written straight to the tables (the API would take minutes for thousands of rows).

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const AVAILABILITY_DATA = {
  hostTimeZone: 'America/New_York',
  bookings: 2_000,
  bookingMinutes: 30,
  /** Spread over three connected calendars (Google, Microsoft, an ICS feed), as a busy host has them. */
  externalBusy: 5_000,
  /** External events last 15–45 minutes and start on a 5-minute boundary. */
  busyMinutes: { min: 15, max: 45 },
  spreadDays: 120,
  seed: 20_240_601,
} as const;

export const BOOKING_HOSTS = { count: 200, meetingMinutes: 15, timeZone: 'UTC' } as const;

/** The days the availability benchmark asks for, and where the seeded data starts. */
export interface BenchWindow {
  firstDay: string;
  /** Inclusive. */
  lastDay: string;
  /** firstDay 00:00 UTC: seeded data and booked slots start here. */
  firstDayStartMs: number;
  inviteeTimeZone: string;
}

export interface AvailabilityHost {
  meetingTypeId: string;
  bookingsInWindow: number;
  busyInWindow: number;
}

const allDayEveryDay = (userId: string) =>
  [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ userId, scheduleId: defaultScheduleOf(userId), dayOfWeek, startTime: '00:00', endTime: '24:00' }));

const tokenHash = () => randomBytes(32).toString('hex');

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** `count` distinct cells of `cellMinutes` out of `days` days, in random order: never overlapping. */
function distinctCells(random: () => number, days: number, cellMinutes: number, count: number): number[] {
  const cells = Array.from({ length: (days * 24 * 60) / cellMinutes }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = randomInt(random, i, cells.length - 1);
    [cells[i], cells[j]] = [cells[j] as number, cells[i] as number];
  }
  return cells.slice(0, count);
}

const overlapCount = (ranges: Interval[], window: Interval) => ranges.filter((r) => r.start < window.end && r.end > window.start).length;

export async function seedAvailabilityHost(database: Database, window: BenchWindow): Promise<AvailabilityHost> {
  const data = AVAILABILITY_DATA;
  const random = seededRandom(data.seed);
  const hostId = randomUUID();
  const meetingTypeId = randomUUID();
  await database.insert(users).values({
    id: hostId,
    email: 'bench-availability@example.test',
    name: 'Bench availability host',
    username: 'bench-availability',
    timeZone: data.hostTimeZone,
    emailVerified: new Date(),
  });
  await database.insert(availabilityRules).values(allDayEveryDay(hostId));
  await database.insert(meetingTypes).values({
    id: meetingTypeId,
    userId: hostId,
    name: 'Bench 30 minutes',
    slug: 'bench-30',
    durationMinutes: 30,
    slotIntervalMinutes: 15,
    maxDaysInFuture: 365,
    minNoticeMinutes: 0,
  });

  const booked: Interval[] = distinctCells(random, data.spreadDays, data.bookingMinutes, data.bookings).map((cell) => {
    const start = window.firstDayStartMs + cell * data.bookingMinutes * MINUTE_MS;
    return { start, end: start + data.bookingMinutes * MINUTE_MS };
  });
  await insertInChunks(booked, (chunk) =>
    database.insert(bookings).values(
      chunk.map((slot, i) => ({
        meetingTypeId,
        hostUserId: hostId,
        inviteeName: `Seeded invitee ${i}`,
        inviteeEmail: `seeded-${randomUUID()}@example.test`,
        inviteeTimezone: 'UTC',
        startTime: new Date(slot.start),
        endTime: new Date(slot.end),
        status: 'confirmed' as const,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        cancelTokenHash: tokenHash(),
        rescheduleTokenHash: tokenHash(),
      })),
    ),
  );

  const calendars = (['google', 'microsoft', 'ics'] as const).map((provider) => ({ provider, connectionId: randomUUID(), calendarId: randomUUID() }));
  for (const { provider, connectionId, calendarId } of calendars) {
    await database.insert(calendarConnections).values({
      id: connectionId,
      userId: hostId,
      provider,
      accountEmail: provider === 'ics' ? null : `bench-${provider}@example.test`,
      icsUrl: provider === 'ics' ? 'https://calendar.example.test/bench.ics' : null,
    });
    await database.insert(connectedCalendars).values({ id: calendarId, connectionId, userId: hostId, externalId: 'primary', name: provider, isPrimary: true, blocksTime: true });
  }
  const lastStartStep = (data.spreadDays * 24 * 60 - data.busyMinutes.max) / 5;
  const busy: Interval[] = Array.from({ length: data.externalBusy }, () => {
    const start = window.firstDayStartMs + randomInt(random, 0, lastStartStep) * 5 * MINUTE_MS;
    return { start, end: start + randomInt(random, data.busyMinutes.min / 5, data.busyMinutes.max / 5) * 5 * MINUTE_MS };
  });
  await insertInChunks(busy, (chunk) =>
    database.insert(externalBusy).values(
      chunk.map((range, index) => ({
        connectionId: calendars[index % calendars.length]!.connectionId,
        calendarId: calendars[index % calendars.length]!.calendarId,
        userId: hostId,
        startTime: new Date(range.start),
        endTime: new Date(range.end),
        sourceEventId: randomUUID(),
      })),
    ),
  );

  const measured = localDateRangeToInterval(window.firstDay, window.lastDay, window.inviteeTimeZone);
  return { meetingTypeId, bookingsInWindow: overlapCount(booked, measured), busyInWindow: overlapCount(busy, measured) };
}

/** Hosts free around the clock, each with one 15-minute meeting type; meeting type ids in host order. */
export async function seedBookingHosts(database: Database): Promise<string[]> {
  const hosts = Array.from({ length: BOOKING_HOSTS.count }, (_, i) => ({
    id: randomUUID(),
    email: `bench-host-${i}@example.test`,
    name: `Bench host ${i}`,
    username: `bench-host-${i}`,
    timeZone: BOOKING_HOSTS.timeZone,
    emailVerified: new Date(),
  }));
  const types = hosts.map((host) => ({
    id: randomUUID(),
    userId: host.id,
    name: 'Bench 15 minutes',
    slug: 'bench-15',
    durationMinutes: BOOKING_HOSTS.meetingMinutes,
    slotIntervalMinutes: 15,
    maxDaysInFuture: 365,
    minNoticeMinutes: 0,
  }));
  await database.insert(users).values(hosts);
  await insertInChunks(hosts.flatMap((host) => allDayEveryDay(host.id)), (chunk) => database.insert(availabilityRules).values(chunk));
  await database.insert(meetingTypes).values(types);
  return types.map((type) => type.id);
}

/** The 31-day window starting 7 days from now (the API refuses slots in the past). */
export function benchWindow(now: number, inviteeTimeZone: string): BenchWindow {
  const firstDay = new Date(now + 7 * DAY_MS).toISOString().slice(0, 10);
  const firstDayStartMs = Date.parse(`${firstDay}T00:00:00Z`);
  const lastDay = new Date(firstDayStartMs + 30 * DAY_MS).toISOString().slice(0, 10);
  return { firstDay, lastDay, firstDayStartMs, inviteeTimeZone };
}
