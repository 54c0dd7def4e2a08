import { afterAll, describe, expect, inject, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { demoHost, seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { verifyPassword } from '@/lib/secrets/password';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { uniqueSuffix } from '../factories';
import { dropDatabase } from '../setup/test-database';

// The seed runs against its own database: the demo host's fixed username must not leak into others' tests.
const adminUrl = inject('adminDatabaseUrl');
const name = `rendezvous_seed_${uniqueSuffix()}`;
afterAll(() => dropDatabase(adminUrl, name));

describe('demo host seed', () => {
  it('creates the demo host once, with an argon2id password and both meeting types', async () => {
    const url = await ensureDatabase(adminUrl, name);
    await migrateDatabase(url);
    const database = createDatabase(url, { max: 2 });
    try {
      expect(await seedDemoHost(database)).toBe(true);
      expect(await seedDemoHost(database)).toBe(false);

      const host = await database.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'demo') });
      expect(host?.email).toBe('demo@example.com');
      expect(host?.timeZone).toBe('America/New_York');
      // Verified, so its booking page takes bookings at once.
      expect(host?.emailVerified).toBeInstanceOf(Date);
      expect(host?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(host?.passwordHash ?? '', demoHost.password)).toBe(true);
      expect(await verifyPassword(host?.passwordHash ?? '', 'wrong-password')).toBe(false);

      const rules = await database.query.availabilityRules.findMany({ where: (r, { eq }) => eq(r.userId, host?.id ?? '') });
      expect(rules.map((r) => [r.dayOfWeek, r.startTime, r.endTime]).sort()).toEqual(
        [1, 2, 3, 4, 5].map((d) => [d, '09:00:00', '17:00:00']),
      );

      const profile = await findPublicHostProfile(database, 'demo');
      expect(profile?.meetingTypes.map((m) => [m.slug, m.durationMinutes])).toEqual([
        ['intro', 30],
        ['deep-dive', 60],
      ]);
      const deepDive = await database.query.meetingTypes.findFirst({ where: (m, { eq }) => eq(m.slug, 'deep-dive') });
      expect(deepDive?.bufferAfterMinutes).toBe(10);
    } finally {
      await database.close();
    }
  });

  it('is never created by a production start: the seed refuses and no demo user appears', async () => {
    const url = await ensureDatabase(adminUrl, `${name}_production`);
    await migrateDatabase(url);
    const database = createDatabase(url, { max: 1 });
    const saved = process.env.NODE_ENV;
    const savedJobs = process.env.JOBS;
    (process.env as Record<string, string>).NODE_ENV = 'production';
    process.env.JOBS = 'inline';
    resetEnvForTests();
    try {
      await expect(seedDemoHost(database)).rejects.toThrow(/never created in production/);
      expect(await database.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'demo') })).toBeUndefined();
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = saved;
      if (savedJobs === undefined) delete process.env.JOBS;
      else process.env.JOBS = savedJobs;
      resetEnvForTests();
      await database.close();
      await dropDatabase(adminUrl, `${name}_production`);
    }
  });
});
