import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users } from './users';

/**
 * The dashboard's first-run checklist, one row per host once they touch it: the two steps only the
 * host can vouch for, and when they put the list away. The other steps are read from real state.
 */
export const hostOnboarding = pgTable('host_onboarding', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hoursCheckedAt: instant('hours_checked_at'),
  linkCopiedAt: instant('link_copied_at'),
  dismissedAt: instant('dismissed_at'),
});
