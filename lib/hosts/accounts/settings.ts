import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { type HourCycle, type HourCyclePreference, localeHourCycle } from '@/lib/hosts/host-clock';
import { findPendingEmail } from './email-change';

/** What the settings page shows and edits, in one query. */
export interface HostSettings {
  name: string;
  email: string;
  username: string;
  timeZone: string;
  /** False for hosts who only sign in with Google or Microsoft. */
  hasPassword: boolean;
  /** Reminders 24 h and 1 h before each meeting, to the host too. */
  hostReminderEmails: boolean;
  /** A new address waiting for its confirmation link to be opened. */
  pendingEmail: string | null;
  /** The clock the host chose, and the one "automatic" means for them (their locale's). */
  hourCycle: HourCyclePreference;
  automaticHourCycle: HourCycle;
}

export async function findHostSettings(database: Queryable, hostUserId: string): Promise<HostSettings | null> {
  const [row] = await database
    .select({
      name: users.name,
      email: users.email,
      username: users.username,
      timeZone: users.timeZone,
      hostReminderEmails: users.hostReminderEmails,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      hourCycle: users.hourCycle,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, hostUserId));
  if (!row) return null;
  const { locale, ...settings } = row;
  return { ...settings, automaticHourCycle: localeHourCycle(locale), pendingEmail: await findPendingEmail(database, hostUserId) };
}
