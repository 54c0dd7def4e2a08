import { describe, expect, it } from 'vitest';
import { sqlStateOf } from '@/lib/errors';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { createHost, createMeetingType } from '../factories';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

describe('findPublicHostProfile', () => {
  it('lists only active meeting types, shortest first, and never the host’s email', async () => {
    const host = await createHost(database);
    await createMeetingType(database, host.id, { name: 'Long', slug: 'long', durationMinutes: 90 });
    await createMeetingType(database, host.id, { name: 'Short', slug: 'short', durationMinutes: 15 });
    await createMeetingType(database, host.id, { name: 'Hidden', slug: 'hidden', isActive: false });

    const profile = await findPublicHostProfile(database, host.username.toUpperCase());

    expect(profile?.meetingTypes.map((m) => m.slug)).toEqual(['short', 'long']);
    expect(JSON.stringify(profile)).not.toContain(host.email);
  });

  it('returns a host with no meeting types as an empty list', async () => {
    const host = await createHost(database);
    expect((await findPublicHostProfile(database, host.username))?.meetingTypes).toEqual([]);
  });

  it('refuses usernames that would collide with the app’s own routes', async () => {
    for (const username of ['api', 'bookings', 'dev']) {
      const error = await createHost(database, { username }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(sqlStateOf(error)).toBe('23514');
    }
  });

  it('returns null for unknown or malformed usernames', async () => {
    expect(await findPublicHostProfile(database, 'nobody-here-at-all')).toBeNull();
    expect(await findPublicHostProfile(database, '../etc/passwd')).toBeNull();
  });
});
