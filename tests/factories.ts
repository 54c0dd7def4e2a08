import { randomBytes } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { availabilityOverrides, availabilityRules, bookings, meetingTypes, users } from '@/db/schema';

// Every test makes its own uniquely-named rows; nothing depends on seed data or on other tests.

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

type NewMeetingType = typeof meetingTypes.$inferInsert;

export async function createHost(database: Queryable, overrides: Partial<typeof users.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const [host] = await database
    .insert(users)
    .values({
      email: `host-${suffix}@example.test`,
      name: `Host ${suffix}`,
      username: `host-${suffix}`,
      timeZone: 'America/New_York',
      // A confirmed address, as every host taking bookings has; pass emailVerified: null for a new one.
      emailVerified: new Date(),
      ...overrides,
    })
    .returning();
  if (!host) throw new Error('createHost: no row returned');
  return host;
}

export async function createMeetingType(database: Queryable, userId: string, overrides: Partial<NewMeetingType> = {}) {
  const suffix = uniqueSuffix();
  const [meetingType] = await database
    .insert(meetingTypes)
    .values({ userId, name: `Meeting ${suffix}`, slug: `meeting-${suffix}`, durationMinutes: 30, ...overrides })
    .returning();
  if (!meetingType) throw new Error('createMeetingType: no row returned');
  return meetingType;
}

/** Weekly hours on the given weekdays (0 = Sunday), e.g. Monday–Friday 09:00–17:00, in the host's default schedule unless `scheduleId`. */
export async function createWeeklyHours(
  database: Queryable,
  userId: string,
  { days = [1, 2, 3, 4, 5], start = '09:00', end = '17:00', scheduleId }: { days?: number[]; start?: string; end?: string; scheduleId?: string } = {},
) {
  return database
    .insert(availabilityRules)
    .values(days.map((dayOfWeek) => ({ userId, scheduleId: scheduleId ?? defaultScheduleOf(userId), dayOfWeek, startTime: start, endTime: end })))
    .returning();
}

export async function createOverride(
  database: Queryable,
  userId: string,
  date: string,
  window: { start: string; end: string } | null,
  scheduleId?: string,
) {
  return database
    .insert(availabilityOverrides)
    .values({ userId, scheduleId: scheduleId ?? defaultScheduleOf(userId), date, startTime: window?.start ?? null, endTime: window?.end ?? null })
    .returning();
}

/** A booking row written straight to the table (bypassing lib/booking), for testing the database guard. */
export async function insertBookingRow(
  database: Queryable,
  values: {
    hostUserId: string;
    meetingTypeId: string;
    start: string;
    end: string;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes?: number;
    status?: 'confirmed' | 'cancelled' | 'rescheduled';
    /** Defaults to the end time for cancelled rows (the schema requires it) and null otherwise. */
    cancelledAt?: Date | null;
    rescheduledFromId?: string;
    idempotencyKey?: string;
    createdAt?: Date;
    /** A seat of a group event: Postgres derives its seat key from the meeting type and start. */
    seated?: boolean;
  },
) {
  const suffix = uniqueSuffix();
  const status = values.status ?? 'confirmed';
  const defaultCancelledAt = status === 'cancelled' ? new Date(values.end) : null;
  const [booking] = await database
    .insert(bookings)
    .values({
      hostUserId: values.hostUserId,
      meetingTypeId: values.meetingTypeId,
      inviteeName: `Invitee ${suffix}`,
      inviteeEmail: `invitee-${suffix}@example.test`,
      inviteeTimezone: 'UTC',
      startTime: new Date(values.start),
      endTime: new Date(values.end),
      bufferBeforeMinutes: values.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: values.bufferAfterMinutes ?? 0,
      status,
      cancelledAt: values.cancelledAt === undefined ? defaultCancelledAt : values.cancelledAt,
      rescheduledFromId: values.rescheduledFromId ?? null,
      idempotencyKey: values.idempotencyKey ?? null,
      seated: values.seated ?? false,
      ...(values.createdAt ? { createdAt: values.createdAt } : {}),
      cancelTokenHash: `cancel-${suffix}`,
      rescheduleTokenHash: `reschedule-${suffix}`,
    })
    .returning();
  if (!booking) throw new Error('insertBookingRow: no row returned');
  return booking;
}

/**
 * A host in New York with Monday–Friday 09:00–17:00 and one meeting type whose booking window is wide
 * enough for fixed 2027 dates (so DST assertions do not depend on today's date).
 */
export async function createBookableHost(
  database: Queryable,
  meetingType: Partial<NewMeetingType> = {},
  host: Partial<typeof users.$inferInsert> = {},
) {
  const created = await createHost(database, host);
  await createWeeklyHours(database, created.id);
  const type = await createMeetingType(database, created.id, { maxDaysInFuture: 730, ...meetingType });
  return { host: created, meetingType: type };
}

export function inviteeFor(meetingTypeId: string, start: string, overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    meetingTypeId,
    start,
    name: `Invitee ${suffix}`,
    email: `invitee-${suffix}@example.test`,
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}
