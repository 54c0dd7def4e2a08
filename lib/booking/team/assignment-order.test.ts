import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentCandidate, assignmentOrder } from './assignment-order';

// The round-robin order as properties over any team: it is a ranking of exactly the members given,
// priority always wins, and with equal weights it is least recently booked first.

const candidate = (overrides: Partial<AssignmentCandidate> & { userId: string }): AssignmentCandidate => ({
  weight: 100,
  priority: 2,
  lastBookedAt: null,
  recentBookings: 0,
  ...overrides,
});

const team = fc.uniqueArray(
  fc.record({
    userId: fc.uuid(),
    weight: fc.integer({ min: 0, max: 1000 }),
    priority: fc.integer({ min: 0, max: 4 }),
    lastBookedAt: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: null }),
    recentBookings: fc.integer({ min: 0, max: 500 }),
  }),
  { selector: (c) => c.userId, minLength: 1, maxLength: 12 },
);

describe('assignmentOrder', () => {
  it('ranks exactly the members given, each once', () => {
    fc.assert(
      fc.property(team, (members) => {
        expect([...assignmentOrder(members)].sort()).toEqual(members.map((m) => m.userId).sort());
      }),
    );
  });

  it('never puts a lower priority before a higher one', () => {
    fc.assert(
      fc.property(team, (members) => {
        const priority = new Map(members.map((m) => [m.userId, m.priority]));
        const ranked = assignmentOrder(members).map((id) => priority.get(id)!);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i]!).toBeLessThanOrEqual(ranked[i - 1]!);
      }),
    );
  });

  it('with equal weights and priorities, is least recently booked first (never booked before all)', () => {
    fc.assert(
      fc.property(team, (members) => {
        const equal = members.map((m) => ({ ...m, weight: 100, priority: 2 }));
        const last = new Map(equal.map((m) => [m.userId, m.lastBookedAt ?? Number.NEGATIVE_INFINITY]));
        const ranked = assignmentOrder(equal).map((id) => last.get(id)!);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i]!).toBeGreaterThanOrEqual(ranked[i - 1]!);
      }),
    );
  });

  it('does not depend on the order the members are listed in', () => {
    fc.assert(
      fc.property(team, (members) => {
        expect(assignmentOrder([...members].reverse())).toEqual(assignmentOrder(members));
      }),
    );
  });

  it('with unequal weights, puts the member furthest below their share first, and weight 0 last', () => {
    const members = [
      candidate({ userId: 'a', weight: 100, recentBookings: 2, lastBookedAt: 1 }),
      candidate({ userId: 'b', weight: 300, recentBookings: 3, lastBookedAt: 5 }),
      candidate({ userId: 'c', weight: 0, recentBookings: 0 }),
    ];
    // a: 2 per 100, b: 1 per 100 → b first, though a was booked less recently.
    expect(assignmentOrder(members)).toEqual(['b', 'a', 'c']);
  });
});
