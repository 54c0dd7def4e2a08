import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { bookings, users } from '@/db/schema';
import { dropDatabase } from '../setup/test-database';
import { uniqueSuffix } from '../factories';

const adminUrl = inject('adminDatabaseUrl');
const name = `rendezvous_backfill_${uniqueSuffix()}`;
const trustName = `rendezvous_backfill_trust_${uniqueSuffix()}`;
const usernamesName = `rendezvous_usernames_${uniqueSuffix()}`;
const cancelledByName = `rendezvous_cancelled_by_${uniqueSuffix()}`;
const partialFolder = mkdtempSync(path.join(tmpdir(), 'rendezvous-migrations-'));
afterAll(async () => {
  rmSync(partialFolder, { recursive: true, force: true });
  await dropDatabase(adminUrl, name);
  await dropDatabase(adminUrl, trustName);
  await dropDatabase(adminUrl, usernamesName);
  await dropDatabase(adminUrl, cancelledByName);
});

/** Applies only the first `count` committed migrations, as a database deployed before the rest would be. */
async function migrateThrough(url: string, count: number) {
  cpSync(migrationsFolder, partialFolder, { recursive: true });
  const journalPath = path.join(partialFolder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: partialFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}

describe('0004_data_integrity on existing rows', () => {
  it('backfills cancelled_at from updated_at on cancelled rows and clears it on the others', async () => {
    const url = await ensureDatabase(adminUrl, name);
    await migrateThrough(url, 4);
    const database = createDatabase(url, { max: 1 });
    try {
      // Raw SQL: the schema in code is newer than this database (later columns would not exist yet).
      const suffix = uniqueSuffix();
      const [host] = await database.execute<{ id: string }>(sql`
        insert into users (email, name, username) values (${`old-${suffix}@example.test`}, 'Old host', ${`old-${suffix}`}) returning id`);
      const [meetingType] = await database.execute<{ id: string }>(sql`
        insert into meeting_types (user_id, name, slug) values (${host!.id}, 'Old meeting', 'old') returning id`);
      // cancelled_at is inconsistent with status on both rows, as 0003-era data could be.
      const insertBooking = async (start: string, end: string, status: string, cancelledAt: string | null) => {
        const token = uniqueSuffix();
        const [row] = await database.execute<{ id: string; updated_at: string }>(sql`
          insert into bookings (meeting_type_id, host_user_id, invitee_name, invitee_email, start_time, end_time, invitee_timezone, status, cancelled_at, cancel_token_hash, reschedule_token_hash)
          values (${meetingType!.id}, ${host!.id}, 'Old invitee', ${`invitee-${token}@example.test`}, ${start}, ${end}, 'UTC', ${status}, ${cancelledAt}, ${`c-${token}`}, ${`r-${token}`})
          returning id, updated_at`);
        return { id: row!.id, updatedAt: new Date(row!.updated_at) };
      };
      const cancelled = await insertBooking('2030-01-07T14:00:00Z', '2030-01-07T14:30:00Z', 'cancelled', null);
      const confirmed = await insertBooking('2030-01-07T15:00:00Z', '2030-01-07T15:30:00Z', 'confirmed', '2030-01-01T00:00:00Z');
      await migrateDatabase(url);
      const [afterCancelled] = await database.select().from(bookings).where(eq(bookings.id, cancelled.id));
      const [afterConfirmed] = await database.select().from(bookings).where(eq(bookings.id, confirmed.id));
      expect(afterCancelled?.cancelledAt).toEqual(cancelled.updatedAt);
      expect(afterConfirmed?.cancelledAt).toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe('0010_account_trust on existing hosts', () => {
  it('grandfathers every host from before verification existed as verified since sign-up, so their pages keep taking bookings', async () => {
    const url = await ensureDatabase(adminUrl, trustName);
    await migrateThrough(url, 10);
    const database = createDatabase(url, { max: 1 });
    try {
      const suffix = uniqueSuffix();
      const [host] = await database.execute<{ id: string; created_at: string }>(sql`
        insert into users (email, name, username, created_at) values (${`live-${suffix}@example.test`}, 'Live host', ${`live-${suffix}`}, '2026-03-01T10:00:00Z') returning id, created_at`);
      await migrateDatabase(url);
      const [after] = await database.select({ verified: users.emailVerified }).from(users).where(eq(users.id, host!.id));
      expect(after?.verified).toEqual(new Date('2026-03-01T10:00:00Z'));
    } finally {
      await database.close();
    }
  });
});

describe('0011_usernames_limited_and_released on existing rows', () => {
  it('takes newly reserved names back from squatters (the seeded demo host keeps demo) and gives old redirects 90 days from their rename', async () => {
    const url = await ensureDatabase(adminUrl, usernamesName);
    await migrateThrough(url, 11);
    const database = createDatabase(url, { max: 1 });
    try {
      const insertUser = async (email: string, username: string) =>
        (await database.execute<{ id: string }>(sql`insert into users (email, name, username) values (${email}, 'Someone', ${username}) returning id`))[0]!.id;
      const squatter = await insertUser(`squatter-${uniqueSuffix()}@example.test`, 'pricing');
      const demoSquatter = await insertUser(`first-signup-${uniqueSuffix()}@example.test`, 'demo');
      const renamed = await insertUser(`renamed-${uniqueSuffix()}@example.test`, `renamed-${uniqueSuffix()}`);
      await database.execute(sql`insert into username_redirects (username, user_id, created_at) values
        ('help', ${renamed}, now()), ('given-up-long-ago', ${renamed}, now() - interval '100 days'), ('given-up-lately', ${renamed}, now() - interval '10 days')`);
      await migrateDatabase(url);

      const usernameOf = async (id: string) => (await database.execute<{ username: string }>(sql`select username from users where id = ${id}`))[0]!.username;
      expect(await usernameOf(squatter)).toMatch(/^pricing-[0-9a-f]{8}$/);
      expect(await usernameOf(demoSquatter)).toMatch(/^demo-[0-9a-f]{8}$/);
      const redirects = await database.execute<{ username: string; live: boolean }>(sql`select username, expires_at > now() as live from username_redirects where user_id = ${renamed} order by username`);
      expect([...redirects]).toEqual([
        { username: 'given-up-lately', live: true },
        { username: 'given-up-long-ago', live: false },
      ]);
      // The seeded development host is the only one who may hold demo.
      await expect(insertUser('demo@example.com', 'demo')).resolves.toEqual(expect.any(String));
      await expect(insertUser(`late-${uniqueSuffix()}@example.test`, 'verify-email')).rejects.toMatchObject({ cause: expect.objectContaining({ constraint_name: 'users_username_not_reserved' }) });
    } finally {
      await database.close();
    }
  });
});

describe('0015_host_booking_actions on existing rows', () => {
  it('records who cancelled from the outbox event of each cancellation, and leaves it unknown where there is none', async () => {
    const url = await ensureDatabase(adminUrl, cancelledByName);
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    await migrateThrough(url, journal.entries.findIndex((entry) => entry.tag.startsWith('0015_')));
    const database = createDatabase(url, { max: 1 });
    try {
      const suffix = uniqueSuffix();
      const [host] = await database.execute<{ id: string }>(sql`insert into users (email, name, username) values (${`old-${suffix}@example.test`}, 'Old host', ${`old-${suffix}`}) returning id`);
      const [type] = await database.execute<{ id: string }>(sql`insert into meeting_types (user_id, name, slug) values (${host!.id}, 'Old meeting', 'old') returning id`);
      const insertBooking = async (hour: number, status: string) => {
        const token = uniqueSuffix();
        const [row] = await database.execute<{ id: string }>(sql`
          insert into bookings (meeting_type_id, host_user_id, invitee_name, invitee_email, start_time, end_time, invitee_timezone, status, cancelled_at, cancel_token_hash, reschedule_token_hash)
          values (${type!.id}, ${host!.id}, 'Old invitee', ${`invitee-${token}@example.test`}, ${`2027-03-01T${hour}:00:00Z`}, ${`2027-03-01T${hour}:30:00Z`}, 'UTC', ${status},
            ${status === 'cancelled' ? sql`now()` : null}, ${`c-${token}`}, ${`r-${token}`})
          returning id`);
        return row!.id;
      };
      const byHost = await insertBooking(10, 'cancelled');
      const byInvitee = await insertBooking(11, 'cancelled');
      const unknown = await insertBooking(12, 'cancelled');
      const standing = await insertBooking(13, 'confirmed');
      for (const [id, by] of [[byHost, 'host'], [byInvitee, 'invitee'], [standing, 'host']] as const) {
        await database.execute(sql`insert into outbox (event_name, payload) values ('booking/cancelled', ${JSON.stringify({ bookingId: id, cancelledBy: by })}::jsonb)`);
      }
      await migrateDatabase(url);

      const cancelledBy = async (id: string) => (await database.execute<{ cancelled_by: string | null }>(sql`select cancelled_by from bookings where id = ${id}`))[0]!.cancelled_by;
      expect([await cancelledBy(byHost), await cancelledBy(byInvitee), await cancelledBy(unknown), await cancelledBy(standing)]).toEqual(['host', 'invitee', null, null]);
    } finally {
      await database.close();
    }
  });
});
