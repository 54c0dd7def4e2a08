import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { demoHostIdentity, users } from '@/db/schema';
import { hashPassword } from '@/lib/secrets/password';
import { env } from '@/lib/env';
import { createHost } from './create-host';

// The demo host every fresh install has, so `npm run dev` shows a working booking page at once. It
// lives in lib/ (db/ imports nothing above it) and is made by createHost like every other host.
export const demoHost = {
  ...demoHostIdentity,
  password: 'demo-password',
  name: 'Demo Host',
  timeZone: 'America/New_York',
} as const;

/**
 * Creates the demo host once; returns false when it already exists. Refused in production: anyone
 * can read its password in the README.
 */
export async function seedDemoHost(database: Database): Promise<boolean> {
  if (env().NODE_ENV === 'production') {
    throw new Error('The demo host (published password) is never created in production.');
  }
  const existing = await database.query.users.findFirst({ where: eq(users.username, demoHost.username) });
  if (existing) return false;
  const passwordHash = await hashPassword(demoHost.password);
  await database.transaction(async (tx) => {
    await createHost(tx, { ...omitPassword(demoHost), passwordHash, emailVerified: new Date(), meetingTypes: DEMO_MEETING_TYPES });
  });
  return true;
}

/** The demo's own meeting types, instead of the starter one every other host gets. */
export const DEMO_MEETING_TYPES = [
  { name: 'Intro call', slug: 'intro', description: 'A quick 30-minute introduction.', durationMinutes: 30 },
  { name: 'Deep dive', slug: 'deep-dive', description: 'An hour to work through a topic in depth.', durationMinutes: 60, bufferAfterMinutes: 10, color: '#8B5CF6' },
];

function omitPassword({ password: _password, ...rest }: typeof demoHost) {
  return rest;
}
