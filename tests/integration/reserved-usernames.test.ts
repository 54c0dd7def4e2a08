import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reservedUsernames } from '@/db/schema';
import { connectTestDatabase } from './db-helpers';

// /{username} shares the URL space with the app's own routes: every top-level segment of app/ must be
// a reserved username, and the database's CHECK must hold exactly the list the app validates with.

const database = connectTestDatabase();
const appFolder = path.join(process.cwd(), 'app');

/** Top-level URL segments: folders of app/, looking inside route groups `(x)`, skipping dynamic `[x]` and private `_x`. */
function topLevelSegments(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      if (/^\(.+\)$/.test(entry.name)) return topLevelSegments(path.join(folder, entry.name));
      if (entry.name.startsWith('[') || entry.name.startsWith('_') || entry.name.startsWith('@')) return [];
      return [entry.name];
    });
}

describe('reserved usernames', () => {
  it('cover every top-level route segment of app/', () => {
    const segments = topLevelSegments(appFolder);
    expect(segments).toEqual(expect.arrayContaining(['api', 'dashboard', 'signin']));
    expect(segments.filter((segment) => !(reservedUsernames as readonly string[]).includes(segment))).toEqual([]);
  });

  it('cover demo (the home page links to /demo) and the account pages built next', () => {
    for (const name of ['demo', 'forgot-password', 'reset-password', 'verify-email', 'help', 'about', 'pricing', 'terms', 'privacy', 'account', 'auth', 'www', 'mail']) {
      expect(reservedUsernames).toContain(name);
    }
  });

  it('are exactly the names the database CHECK refuses', async () => {
    const rows = await database.execute<{ def: string }>(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'users_username_not_reserved'`);
    const definition = rows[0]?.def ?? '';
    // CHECK ((((username)::text <> ALL ((ARRAY['about'::character varying, …])::text[])) OR …demo host…))
    const listed = /ARRAY\[(.*?)\]/.exec(definition)?.[1] ?? '';
    const inDatabase = [...listed.matchAll(/'([^']+)'/g)].map((match) => match[1]).sort();
    expect(inDatabase).toEqual([...reservedUsernames].sort());
  });
});
