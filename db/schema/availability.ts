import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, time, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './users';

// Wall-clock times in users.time_zone; they become instants only in lib/scheduling.
// Postgres `time` accepts 24:00, which is how a window runs to the end of the day.

export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
  ],
);
