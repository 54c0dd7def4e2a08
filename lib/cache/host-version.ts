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

// A team meeting type's slots depend on every chosen member's data: its stamp is each member's version,
// read in one round trip. Team writes (lib/hosts/teams/team-write.ts) bump the version of every member a
// changed type or member list was or is booked with, so the stamp follows them too.

/** "m1.m2…" for the members in the given order, or null when the store could not be reached (nothing is then cached). */
export async function readTeamStamp(store: CacheStore, memberIds: readonly string[]): Promise<string | null> {
  for (const memberId of memberIds) {
    if (pendingBumps.has(memberId) && (await bumpHostVersion(store, memberId)) < 0) return null;
  }
  if (memberIds.length === 0) return ''; // nobody chosen: nothing to follow (and MGET takes at least one key)
  const versions = await bestEffort('read team versions', () => store.getCounters(memberIds.map(versionKey)), null);
  return versions ? versions.join('.') : null;
}
