import type { Transaction } from '@/db/client';
import { availabilityRules, users } from '@/db/schema';

// The one way a host comes to exist: password sign-up, a first Google or Microsoft sign-in, and the
// demo seed all land here, so every host starts with the same weekly hours in their own zone.

/** Weekly hours to start from: Monday–Friday 09:00–17:00, in the host's zone. */
export const DEFAULT_WEEKLY_HOURS = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '17:00' }));

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
}

export type CreatedHost = typeof users.$inferSelect;

/** Inserts the host and their default weekly hours, inside the caller's transaction. */
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
  await tx.insert(availabilityRules).values(DEFAULT_WEEKLY_HOURS.map((hours) => ({ userId: created.id, ...hours })));
  return created;
}
