// Who gets a round-robin booking, as a pure order over the type's members; the booking walks it and
// takes the first member free at the start. The rule:
//   1. higher priority first (a free priority-4 member always beats a free priority-2 one);
//   2. when the members' weights differ: the member furthest below their weighted share of the last
//      30 days' bookings of this type (fewest bookings per unit of weight; weight 0 goes last);
//   3. then the least recently booked (the most recent booking of any of the team's round-robin
//      types; never booked comes first); then by id, so the order is total.
// With the default (equal weights) this is plain least-recently-booked within each priority.

export interface AssignmentCandidate {
  userId: string;
  weight: number;
  priority: number;
  /** Milliseconds since the epoch of their latest round-robin booking for the team; null: never. */
  lastBookedAt: number | null;
  /** Their bookings of this meeting type made in the last 30 days. */
  recentBookings: number;
}

const loadPerWeight = (candidate: AssignmentCandidate) => (candidate.weight > 0 ? candidate.recentBookings / candidate.weight : Number.POSITIVE_INFINITY);

export function assignmentOrder(candidates: readonly AssignmentCandidate[]): string[] {
  const weighted = new Set(candidates.map((candidate) => candidate.weight)).size > 1;
  return [...candidates]
    .sort((a, b) => {
      if (a.priority !== b.priority) return b.priority - a.priority;
      if (weighted) {
        const [loadA, loadB] = [loadPerWeight(a), loadPerWeight(b)];
        if (loadA !== loadB) return loadA < loadB ? -1 : 1;
      }
      const [lastA, lastB] = [a.lastBookedAt ?? Number.NEGATIVE_INFINITY, b.lastBookedAt ?? Number.NEGATIVE_INFINITY];
      if (lastA !== lastB) return lastA < lastB ? -1 : 1;
      return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
    })
    .map((candidate) => candidate.userId);
}
