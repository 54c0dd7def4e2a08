import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { bookings, meetingTypes, users } from '@/db/schema';
import { hashPassword } from '@/lib/secrets/password';
import { randomInt, seededRandom } from './prng';

// The dashboard scenario's host: 10,000 bookings spread over the past 300 days and the next 100
// (three quarters past, a tenth cancelled), in distinct half-hour cells so no two confirmed overlap.
// Written straight to the tables; the host signs in with a known password over HTTP.

const HALF_HOUR_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

export const DASHBOARD_DATA = {
  bookings: 10_000,
  daysBack: 300,
  daysAhead: 100,
  cancelledShare: 0.1,
  meetingTypes: 3,
  timeZone: 'Europe/Berlin',
  email: 'bench-dashboard@example.test',
  password: 'bench-dashboard-password',
  seed: 20_250_107,
} as const;

export interface DashboardHost {
  email: string;
  password: string;
  /** How many bookings each tab holds, as of seeding. */
  upcoming: number;
  past: number;
  cancelled: number;
}

/** `count` distinct integers from [0, size), in random order. */
function distinctCells(random: () => number, size: number, count: number): number[] {
  const cells = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = randomInt(random, i, size - 1);
    [cells[i], cells[j]] = [cells[j] as number, cells[i] as number];
  }
  return cells.slice(0, count);
}

export async function seedDashboardHost(database: Database, now: number): Promise<DashboardHost> {
  const data = DASHBOARD_DATA;
  const random = seededRandom(data.seed);
  const hostId = randomUUID();
  await database.insert(users).values({
    id: hostId,
    email: data.email,
    name: 'Bench dashboard host',
    username: 'bench-dashboard',
    timeZone: data.timeZone,
    passwordHash: await hashPassword(data.password),
    emailVerified: new Date(now),
  });
  const typeIds = Array.from({ length: data.meetingTypes }, () => randomUUID());
  await database.insert(meetingTypes).values(typeIds.map((id, i) => ({ id, userId: hostId, name: `Bench meeting ${i + 1}`, slug: `bench-meeting-${i + 1}`, durationMinutes: 30 })));

  const firstCell = Math.floor((now - data.daysBack * DAY_MS) / HALF_HOUR_MS);
  const cells = distinctCells(random, ((data.daysBack + data.daysAhead) * DAY_MS) / HALF_HOUR_MS, data.bookings);
  const counts = { upcoming: 0, past: 0, cancelled: 0 };
  const rows = cells.map((cell, i) => {
    const start = (firstCell + cell) * HALF_HOUR_MS;
    const cancelled = random() < data.cancelledShare;
    counts[cancelled ? 'cancelled' : start + HALF_HOUR_MS > now ? 'upcoming' : 'past'] += 1;
    return {
      meetingTypeId: typeIds[i % typeIds.length] as string,
      hostUserId: hostId,
      inviteeName: `Dashboard invitee ${i}`,
      inviteeEmail: `dashboard-${i}@example.test`,
      inviteeTimezone: 'America/New_York',
      startTime: new Date(start),
      endTime: new Date(start + HALF_HOUR_MS),
      status: cancelled ? ('cancelled' as const) : ('confirmed' as const),
      cancelledAt: cancelled ? new Date(Math.min(start - DAY_MS, now)) : null,
      cancelTokenHash: randomBytes(32).toString('hex'),
      rescheduleTokenHash: randomBytes(32).toString('hex'),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await database.insert(bookings).values(rows.slice(i, i + 500));
  return { email: data.email, password: data.password, ...counts };
}
