import type { Transaction } from '@/db/client';
import { availabilityRules, meetingTypes, users } from '@/db/schema';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';

// The one way a host comes to exist: password sign-up, a first Google or Microsoft sign-in, and the
// demo seed all land here, so every host starts with the same weekly hours in their own zone and a
// meeting type that is ready to share.

/** Weekly hours to start from: Monday–Friday 09:00–17:00, in the host's zone. */
export const DEFAULT_WEEKLY_HOURS = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '17:00' }));

/** The meeting type a new host can share at once; the dashboard's checklist asks them to look at it. */
export const STARTER_MEETING_TYPE = { name: '30 minute meeting', slug: '30min', durationMinutes: 30 } as const;

type FirstMeetingType = Omit<typeof meetingTypes.$inferInsert, 'id' | 'userId'>;

export interface NewHost {
  name: string;
  /** Lower case. */
  email: string;
  username: string;
  /** A canonical IANA zone (lib/api-fields.ts timeZoneField); the caller falls back to UTC only when none was reported. */
  timeZone: string;
  passwordHash?: string | null;
  /** Set when someone vouched for the address (an OAuth provider, or the seed). */
  emailVerified?: Date | null;
  image?: string | null;
  /** The browser's language at sign-up (Accept-Language), for the clock "automatic" means (host-clock.ts). */
  locale?: string | null;
  /** The host's first meeting types; the starter unless the caller (the demo seed) brings its own. */
  meetingTypes?: readonly FirstMeetingType[];
}

export type CreatedHost = typeof users.$inferSelect;

/** Inserts the host, their default weekly hours and first meeting types, inside the caller's transaction. */
export async function createHost(tx: Transaction, host: NewHost): Promise<CreatedHost> {
  const [created] = await tx
    .insert(users)
    .values({
      name: host.name,
      email: host.email,
      username: host.username,
      timeZone: host.timeZone,
      passwordHash: host.passwordHash ?? null,
      emailVerified: host.emailVerified ?? null,
      image: host.image ?? null,
      locale: host.locale ?? null,
    })
    .returning();
  if (!created) throw new Error('host insert returned no row');
  await tx.insert(availabilityRules).values(DEFAULT_WEEKLY_HOURS.map((hours) => ({ userId: created.id, scheduleId: defaultScheduleOf(created.id), ...hours })));
  const firstTypes = host.meetingTypes ?? [STARTER_MEETING_TYPE];
  if (firstTypes.length > 0) await tx.insert(meetingTypes).values(firstTypes.map((type) => ({ ...type, userId: created.id })));
  return created;
}
