import { describe, expect, it } from 'vitest';
import { findPublicMeetingType, findPublicMeetingTypeById } from '@/lib/hosts/public-meeting-type';
import { createHost, createMeetingType } from '../factories';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

describe('findPublicMeetingType', () => {
  it('finds an active meeting type by username and slug, with its host’s public name and zone', async () => {
    const host = await createHost(database, { timeZone: 'Europe/Berlin' });
    const meetingType = await createMeetingType(database, host.id, {
      name: 'Intro',
      slug: 'intro',
      description: 'Say hello.',
      durationMinutes: 25,
      maxDaysInFuture: 30,
    });

    const found = await findPublicMeetingType(database, host.username.toUpperCase(), 'intro');

    expect(found).toEqual({
      id: meetingType.id,
      slug: 'intro',
      name: 'Intro',
      description: 'Say hello.',
      durationMinutes: 25,
      color: meetingType.color,
      maxDaysInFuture: 30,
      isActive: true,
      isSecret: false,
      minChangeNoticeMinutes: 0,
      contactLine: null,
      questions: [],
      requiresConfirmation: false,
      host: { username: host.username, name: host.name, timeZone: 'Europe/Berlin' },
    });
    expect(JSON.stringify(found)).not.toContain(host.email);
  });

  it('does not find another host’s meeting type with the same slug', async () => {
    const owner = await createHost(database);
    const other = await createHost(database);
    await createMeetingType(database, owner.id, { slug: 'shared-slug' });

    expect(await findPublicMeetingType(database, other.username, 'shared-slug')).toBeNull();
    expect((await findPublicMeetingType(database, owner.username, 'shared-slug'))?.slug).toBe('shared-slug');
  });

  it('returns null for an inactive meeting type, an unknown slug or a malformed username', async () => {
    const host = await createHost(database);
    await createMeetingType(database, host.id, { slug: 'switched-off', isActive: false });

    expect(await findPublicMeetingType(database, host.username, 'switched-off')).toBeNull();
    expect(await findPublicMeetingType(database, host.username, 'no-such-slug')).toBeNull();
    expect(await findPublicMeetingType(database, '../etc/passwd', 'intro')).toBeNull();
    expect(await findPublicMeetingType(database, host.username, '')).toBeNull();
  });
});

describe('findPublicMeetingTypeById', () => {
  it('finds a meeting type by id even when it is inactive, so its bookings stay manageable', async () => {
    const host = await createHost(database);
    const meetingType = await createMeetingType(database, host.id, { isActive: false });

    const found = await findPublicMeetingTypeById(database, meetingType.id);

    expect(found?.isActive).toBe(false);
    expect(found?.host.name).toBe(host.name);
  });

  it('returns null for an unknown or malformed id', async () => {
    expect(await findPublicMeetingTypeById(database, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await findPublicMeetingTypeById(database, 'not-a-uuid')).toBeNull();
  });
});
