import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { teams } from '@/db/schema';
import { answerOpeningSlots } from '@/lib/availability';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { findPublicTeam, findPublicTeamMeetingType } from '@/lib/hosts/public-team';
import { releasedTeamSlug } from '@/lib/hosts/teams/delete';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-availability-fixtures';

// What /team/{slug} and /team/{slug}/{type} read: the team's name and bookable types, never a member.

const database = connectTestDatabase();

describe('public team pages’ data', () => {
  it('lists a team’s active, non-secret types and opens each by its slug with the team in the host’s place', async () => {
    const { team, members, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '17:00', days: [0, 1, 2, 3, 4, 5, 6] }], meetingType: { maxDaysInFuture: 60 } });
    const profile = await findPublicTeam(database, team.slug.toUpperCase());
    expect(profile).toEqual({ slug: team.slug, name: team.name, meetingTypes: [expect.objectContaining({ id: meetingType.id, slug: meetingType.slug, name: meetingType.name })] });

    const details = await findPublicTeamMeetingType(database, team.slug, meetingType.slug);
    expect(details).toMatchObject({ id: meetingType.id, requiresConfirmation: false, host: { username: `team/${team.slug}`, name: team.name } });
    const text = JSON.stringify([profile, details]);
    expect(text).not.toContain(members[0]!.id);
    expect(text).not.toContain(members[0]!.username);

    // The page's first month of times comes from the team answer.
    const opening = await answerOpeningSlots({ database, store: createMemoryStore() }, meetingType.id, Date.now());
    expect(opening?.slots.length).toBeGreaterThan(0);
  });

  it('finds nothing for an unknown team or type, a switched-off or deleted type, and hides secret types from the list only', async () => {
    const { team, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }], meetingType: { isSecret: true } });
    expect((await findPublicTeam(database, team.slug))?.meetingTypes).toEqual([]);
    expect(await findPublicTeamMeetingType(database, team.slug, meetingType.slug)).toMatchObject({ id: meetingType.id, isSecret: true });
    expect(await findPublicTeam(database, 'no-such-team-here')).toBeNull();
    expect(await findPublicTeam(database, '../etc')).toBeNull();
    expect(await findPublicTeamMeetingType(database, team.slug, 'nope')).toBeNull();

    const off = await createTeamType(database, { hours: [], meetingType: { isActive: false } });
    expect(await findPublicTeamMeetingType(database, off.team.slug, off.meetingType.slug)).toBeNull();
    // A host's meeting type is never found under a team's path.
    expect(await findPublicTeamMeetingType(database, off.team.slug, meetingType.slug)).toBeNull();
  });

  it('finds nothing at a deleted team’s released slug', async () => {
    const { team, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }] });
    const released = releasedTeamSlug(team.id);
    await database.update(teams).set({ slug: released }).where(eq(teams.id, team.id));
    expect(await findPublicTeam(database, released)).toBeNull();
    expect(await findPublicTeamMeetingType(database, released, meetingType.slug)).toBeNull();
  });
});
