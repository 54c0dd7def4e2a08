import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { dropDatabase } from '../setup/test-database';
import { ensureDatabase } from '@/db/bootstrap';
import { uniqueSuffix } from '../factories';

const adminUrl = inject('adminDatabaseUrl');
const name = `rendezvous_empty_${uniqueSuffix()}`;
afterAll(() => dropDatabase(adminUrl, name));

describe('migrations', () => {
  it('build the whole schema on an empty database, and running them again changes nothing', async () => {
    const url = await ensureDatabase(adminUrl, name);
    await migrateDatabase(url);
    await migrateDatabase(url);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const tables = await sql<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
      expect(tables.map((t) => t.table_name)).toEqual([
        'account_tokens',
        'accounts',
        'api_idempotency_keys',
        'api_keys',
        'availability_overrides',
        'availability_rules',
        'bookings',
        'bookings_archive',
        'calendar_connections',
        'calendar_oauth_states',
        'connected_calendars',
        'email_notifications',
        'external_busy',
        'host_onboarding',
        'meeting_type_hosts',
        'meeting_types',
        'one_time_links',
        'outbox',
        'schedules',
        'sessions',
        'team_invitations',
        'team_members',
        'teams',
        'username_changes',
        'username_redirects',
        'users',
        'verification_tokens',
        'webhook_attempts',
        'webhook_deliveries',
        'webhook_endpoints',
      ]);
      const [constraint] = await sql<{ def: string }[]>`
        select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'bookings_no_overlap'`;
      expect(constraint?.def).toMatch(/EXCLUDE USING gist \(host_user_id WITH =, blocked_range WITH &&, COALESCE\(seat_key, \(id\)::text\) WITH <>\) WHERE/);
      const [index] = await sql<{ def: string }[]>`
        select indexdef as def from pg_indexes where indexname = 'idx_bookings_idempotency_key'`;
      expect(index?.def).toMatch(/UNIQUE INDEX .* \(meeting_type_id, idempotency_key\) WHERE \(idempotency_key IS NOT NULL\)/);
      const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      expect(applied[0]?.n).toBe(journal.entries.length);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
