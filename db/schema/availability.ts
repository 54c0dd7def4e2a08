import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, time, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { users } from './users';

// Wall-clock times in their schedule's time_zone; they become instants only in lib/scheduling.
// Postgres `time` accepts 24:00, which is how a window runs to the end of the day.

/**
 * A named set of weekly hours and date overrides in its own zone. Every host has exactly one default
 * (a trigger makes it with the user row, migration 0022); meeting types without a schedule use it.
 */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    timeZone: varchar('time_zone', { length: 64 }).notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('schedules_id_user_id_unique').on(t.id, t.userId),
    check('schedules_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    uniqueIndex('schedules_one_default_per_host').on(t.userId).where(sql`${t.isDefault}`),
    uniqueIndex('schedules_user_id_name_unique').on(t.userId, sql`lower(${t.name})`),
  ],
);

export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').notNull(),
    dayOfWeek: integer('day_of_week').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check('availability_rules_day_of_week', sql`${t.dayOfWeek} between 0 and 6`),
    check('availability_rules_end_after_start', sql`${t.endTime} > ${t.startTime}`),
    index('idx_availability_user_day').on(t.userId, t.dayOfWeek, t.isActive),
    index('idx_availability_rules_schedule').on(t.scheduleId, t.dayOfWeek, t.isActive),
    // The pair: a rule can never sit in another host's schedule.
    foreignKey({ name: 'availability_rules_schedule_fk', columns: [t.scheduleId, t.userId], foreignColumns: [schedules.id, schedules.userId] }).onDelete('cascade'),
  ],
);

/** A date with its own windows; a row with both times null makes the whole date unavailable. */
export const availabilityOverrides = pgTable(
  'availability_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'availability_overrides_window',
      sql`(${t.startTime} is null and ${t.endTime} is null) or (${t.startTime} is not null and ${t.endTime} is not null and ${t.endTime} > ${t.startTime})`,
    ),
    index('idx_availability_overrides_user_date').on(t.userId, t.date),
    index('idx_availability_overrides_schedule_date').on(t.scheduleId, t.date),
    foreignKey({ name: 'availability_overrides_schedule_fk', columns: [t.scheduleId, t.userId], foreignColumns: [schedules.id, schedules.userId] }).onDelete('cascade'),
  ],
);
