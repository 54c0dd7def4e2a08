import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { availabilityRules, calendarConnections, meetingTypeHosts, meetingTypes, teamMembers, teams, users } from '@/db/schema';
import { runOpenLoop } from './open-loop';
import { type LoadResult, type LoadShape, measureScenario, runLoad, SERIAL, type ScenarioLoad, WARM_UP_SECONDS } from './load';
import { type AvailabilityCheck, availabilityTarget, checkAvailability } from './scenarios';
import type { BenchWindow } from './seed';

// The team scenario (issue 20): a 10-member round robin over the 31-day window, every member with 500
// bookings and 1,000 busy events in it. Cold (SLOT_CACHE_TTL_SECONDS=0), each request loads every
// member in one schedule query and runs the engine per member: p95 at 20 req/s is the target. Warm,
// its saturation as a share of the bare handler's is compared with the single-host warm share.

export const TEAM_DATA = {
  members: 10,
  bookingsPerMember: 500,
  busyPerMember: 1_000,
  bookingMinutes: 30,
  /** Busy events last 15–45 minutes on a 5-minute grid. */
  busyMinutes: { min: 15, max: 45 },
  coldRate: 20,
  coldP95TargetMs: 100,
} as const;

const COLD_AT_RATE: LoadShape = { connections: 16, durationSeconds: 15, overallRate: TEAM_DATA.coldRate };

export interface TeamSeed {
  meetingTypeId: string;
  bookings: number;
  busy: number;
}

/** Seeded in SQL (generate_series): 5,000 bookings and 10,000 busy rows in a second or two. */
export async function seedTeam(database: Database, window: BenchWindow): Promise<TeamSeed> {
  const data = TEAM_DATA;
  const teamId = randomUUID();
  const meetingTypeId = randomUUID();
  const members = Array.from({ length: data.members }, (_, i) => ({
    id: randomUUID(),
    email: `bench-team-${i}@example.test`,
    name: `Bench team member ${i}`,
    username: `bench-team-${i}`,
    timeZone: 'America/New_York',
    emailVerified: new Date(),
  }));
  await database.insert(users).values(members);
  await database.insert(availabilityRules).values(
    members.flatMap((member) => [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ userId: member.id, scheduleId: defaultScheduleOf(member.id), dayOfWeek, startTime: '00:00', endTime: '24:00' }))),
  );
  await database.insert(teams).values({ id: teamId, name: 'Bench team', slug: 'bench-team' });
  await database.insert(teamMembers).values(members.map((member, i) => ({ teamId, userId: member.id, role: i === 0 ? ('owner' as const) : ('member' as const) })));
  await database.insert(meetingTypes).values({
    id: meetingTypeId,
    teamId,
    schedulingType: 'round_robin',
    name: 'Bench team 30 minutes',
    slug: 'bench-team-30',
    durationMinutes: data.bookingMinutes,
    slotIntervalMinutes: 15,
    maxDaysInFuture: 365,
    minNoticeMinutes: 0,
  });
  await database.insert(meetingTypeHosts).values(members.map((member) => ({ meetingTypeId, teamId, userId: member.id })));
  const connections = members.map((member) => ({ id: randomUUID(), userId: member.id, provider: 'ics' as const, icsUrl: `https://calendar.example.test/${member.username}.ics` }));
  await database.insert(calendarConnections).values(connections);

  const first = new Date(window.firstDayStartMs).toISOString();
  const cells = (31 * 24 * 60) / data.bookingMinutes;
  const fiveMinuteSteps = (31 * 24 * 60 - data.busyMinutes.max) / 5;
  await database.execute(sql`select setseed(0.2026)`);
  for (const [index, member] of members.entries()) {
    // Every other half hour from a per-member offset (500 of the 1,488): distinct, so no member overlaps itself.
    await database.execute(sql`
      insert into bookings (meeting_type_id, host_user_id, invitee_name, invitee_email, invitee_timezone, start_time, end_time, status, cancel_token_hash, reschedule_token_hash)
      select ${meetingTypeId}, ${member.id}, 'Seeded invitee ' || i, 'seeded-' || md5(${member.id} || i) || '@example.test', 'UTC',
             ${first}::timestamptz + (((i * 2 + ${index % 2}) % ${cells}) * ${data.bookingMinutes}) * interval '1 minute',
             ${first}::timestamptz + (((i * 2 + ${index % 2}) % ${cells}) * ${data.bookingMinutes} + ${data.bookingMinutes}) * interval '1 minute',
             'confirmed', md5('c' || ${member.id} || i), md5('r' || ${member.id} || i)
      from generate_series(0, ${data.bookingsPerMember - 1}) as i`);
    await database.execute(sql`
      insert into external_busy (connection_id, user_id, start_time, end_time, source_event_id)
      select ${connections[index]!.id}, ${member.id}, t.start_time,
             t.start_time + (${data.busyMinutes.min} + 5 * floor(random() * ${(data.busyMinutes.max - data.busyMinutes.min) / 5 + 1})) * interval '1 minute', 'bench-' || t.i
      from (select i, ${first}::timestamptz + floor(random() * ${fiveMinuteSteps}) * interval '5 minutes' as start_time
            from generate_series(1, ${data.busyPerMember}) as i) t`);
  }
  return { meetingTypeId, bookings: data.members * data.bookingsPerMember, busy: data.members * data.busyPerMember };
}

export interface TeamColdRun {
  check: AvailabilityCheck;
  atRate: LoadResult;
  serial: LoadResult;
}

/** On a server with SLOT_CACHE_TTL_SECONDS=0: every request loads all ten members and runs the engine. */
export async function measureTeamCold(baseUrl: string, team: TeamSeed, window: BenchWindow): Promise<TeamColdRun> {
  const target = availabilityTarget(baseUrl, team.meetingTypeId, window);
  const check = await checkAvailability(target);
  console.log(`[bench] team availability, cold: ${TEAM_DATA.coldRate} req/s for ${COLD_AT_RATE.durationSeconds} s…`);
  await runOpenLoop(target, { ...COLD_AT_RATE, durationSeconds: WARM_UP_SECONDS });
  const atRate = await runOpenLoop(target, COLD_AT_RATE);
  const serial = await runLoad(target, SERIAL);
  console.log(`[bench] team availability, cold: p95 ${atRate.latencyMs.p95.toFixed(1)} ms at ${TEAM_DATA.coldRate} req/s, serial p50 ${serial.latencyMs.p50.toFixed(1)} ms`);
  return { check, atRate, serial };
}

export function measureTeamWarm(baseUrl: string, team: TeamSeed, window: BenchWindow): Promise<ScenarioLoad> {
  return measureScenario('team availability, warm cache', availabilityTarget(baseUrl, team.meetingTypeId, window));
}

export interface TeamBench {
  seed: TeamSeed;
  cold: TeamColdRun;
  warm: ScenarioLoad;
}

const f1 = (n: number) => n.toFixed(1);
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;

/** The RESULTS.md section: the cold target, and the warm share beside the single-host warm share of the same run. */
export function renderTeamSection(team: TeamBench, baseline: ScenarioLoad, singleWarm: ScenarioLoad): string[] {
  const base = baseline.saturation.requestsPerSecond;
  const teamShare = team.warm.saturation.requestsPerSecond / base;
  const singleShare = singleWarm.saturation.requestsPerSecond / base;
  const coldP95 = team.cold.atRate.latencyMs.p95;
  return [
    '## Teams (issue 20)',
    '',
    `A ${TEAM_DATA.members}-member round robin over the 31-day window, each member with ${TEAM_DATA.bookingsPerMember} bookings and ${TEAM_DATA.busyPerMember.toLocaleString('en')} busy events in it ` +
      `(${team.seed.bookings.toLocaleString('en')} and ${team.seed.busy.toLocaleString('en')} in all); the reply holds ${team.cold.check.slots} slots (${(team.cold.check.responseBytes / 1024).toFixed(0)} KiB).`,
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    `| team availability, cold cache: p95 < ${TEAM_DATA.coldP95TargetMs} ms at ${TEAM_DATA.coldRate} req/s | ${f1(coldP95)} ms (p50 ${f1(team.cold.atRate.latencyMs.p50)} ms, p99 ${f1(team.cold.atRate.latencyMs.p99)} ms; ${team.cold.atRate.responses} responses, non-2xx ${team.cold.atRate.non2xx}; serial p50 ${f1(team.cold.serial.latencyMs.p50)} ms) | ${coldP95 < TEAM_DATA.coldP95TargetMs && team.cold.atRate.non2xx === 0 ? 'met' : '**missed**'} |`,
    `| team availability, warm cache: saturation share of the bare handler's ≈ the single-host warm share | team ${pct(teamShare)} (${team.warm.saturation.requestsPerSecond.toFixed(0)} req/s) vs single host ${pct(singleShare)} (${singleWarm.saturation.requestsPerSecond.toFixed(0)} req/s), baseline ${base.toFixed(0)} req/s; team warm p95 at 100 req/s ${f1(team.warm.lightRate.latencyMs.p95)} ms | ${teamShare >= singleShare * 0.9 ? 'met' : '**missed**'} |`,
    '',
    'A warm team request reads all ten members’ versions in one round trip (the single-host one reads one version), then serves the remembered reply.',
  ];
}
