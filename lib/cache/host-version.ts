import { bestEffort, type CacheStore } from './index';

// Every change to what a host's slots depend on (booking, cancel, rules, calendars, meeting types)
// bumps this number; cached slots live under keys that carry it, so old entries are simply never read
// again and expire. No KEYS/SCAN invalidation.

const versionKey = (hostUserId: string) => `rdv:host-version:${hostUserId}`;

/** Bumps that failed while Redis was down; retried before this process trusts the version again. */
const pendingBumps = new Set<string>();

export async function readHostVersion(store: CacheStore, hostUserId: string): Promise<number> {
  if (pendingBumps.has(hostUserId)) {
    if ((await bumpHostVersion(store, hostUserId)) < 0) return -1;
  }
  return bestEffort('read host version', async () => (await store.getCounters([versionKey(hostUserId)]))[0] ?? 0, -1);
}

/** The new version, or -1 when the store could not be reached (the bump is then retried later). */
export async function bumpHostVersion(store: CacheStore, hostUserId: string): Promise<number> {
  const version = await bestEffort('bump host version', () => store.increment(versionKey(hostUserId)), -1);
  if (version < 0) pendingBumps.add(hostUserId);
  else pendingBumps.delete(hostUserId);
  return version;
}

// A team meeting type's slots depend on every chosen member's data and on the team's own (its types'
// settings, who is chosen): its stamp is the team's version and each member's, read in one round trip.
const teamVersionKey = (teamId: string) => `rdv:team-version:${teamId}`;

/**
 * "team.member1.member2…" for the members in the given order, or null when the store could not be
 * reached (nothing is then cached). Any bump of the team or a member changes it; versions only grow.
 */
export async function readTeamStamp(store: CacheStore, teamId: string, memberIds: readonly string[]): Promise<string | null> {
  for (const memberId of memberIds) {
    if (pendingBumps.has(memberId) && (await bumpHostVersion(store, memberId)) < 0) return null;
  }
  const versions = await bestEffort('read team versions', () => store.getCounters([teamVersionKey(teamId), ...memberIds.map(versionKey)]), null);
  return versions ? versions.join('.') : null;
}

/** After a team's meeting types or membership change (commit first): its cached team answers are never read again. */
export async function bumpTeamVersion(store: CacheStore, teamId: string): Promise<number> {
  return bestEffort('bump team version', () => store.increment(teamVersionKey(teamId)), -1);
}
