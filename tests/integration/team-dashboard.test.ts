import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { loadTeamDistribution } from '@/lib/booking/team/distribution';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { createHost, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-booking-fixtures';

// What members see of team bookings on the dashboard: the team and who got each booking, and the
// distribution of a team's round-robin bookings (members only).

const database = connectTestDatabase();
const at = (hourUtc: number) => new Date(Date.UTC(2027, 0, 11, hourUtc)).toISOString();

describe('team bookings on the dashboard', () => {
  it('lists a round-robin booking for the assigned member with the team, and the detail names who got it', async () => {
    const { team, meetingType } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    const reply = await book(inviteeFor(meetingType.id, at(15)));
    const [row] = await database.select().from(bookings).where(eq(bookings.id, reply.body.booking.id));
    const page = await listHostBookings(database, row!.hostUserId, { tab: 'upcoming', q: '' }, new Date('2026-12-01T00:00:00Z'));
    expect(page.items.find((item) => item.id === row!.id)?.teamName).toBe(team.name);
    const detail = await findHostBooking(database, row!.hostUserId, row!.id);
    expect(detail?.team).toMatchObject({ name: team.name, schedulingType: 'round_robin' });
    expect(detail?.team?.hosts).toHaveLength(1);
  });

  it('shows each member of a collective booking their own row, naming every member attending', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const reply = await book(inviteeFor(meetingType.id, at(15)));
    const rows = await database
      .select()
      .from(bookings)
      .where(or(eq(bookings.id, reply.body.booking.id), eq(bookings.collectiveLeadId, reply.body.booking.id)));
    for (const member of members) {
      const own = rows.find((r) => r.hostUserId === member.id)!;
      const detail = await findHostBooking(database, member.id, own.id);
      expect(detail?.team?.hosts.sort()).toEqual(members.map((m) => m.name).sort());
    }
  });
});

describe('team booking distribution', () => {
  it('counts each member’s round-robin bookings of the last 30 days, for members only', async () => {
    const { team, meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    for (const hour of [14, 15, 16]) expect((await book(inviteeFor(meetingType.id, at(hour)))).status).toBe(201);
    const distribution = await loadTeamDistribution(database, members[1]!.id, team.slug, Date.now());
    expect(distribution?.types).toHaveLength(1);
    const [type] = distribution!.types;
    expect(type!.total).toBe(3);
    expect(type!.members.map((m) => m.bookings).sort()).toEqual([1, 2]);
    expect(new Set(type!.members.map((m) => m.userId))).toEqual(new Set(members.map((m) => m.id)));
    // Outside the team, and an unknown team, read the same: nothing.
    const outsider = await createHost(database);
    expect(await loadTeamDistribution(database, outsider.id, team.slug, Date.now())).toBeNull();
    expect(await loadTeamDistribution(database, members[0]!.id, 'no-such-team-x', Date.now())).toBeNull();
  });
});
