import { computeSlots } from './compute-slots';
import type { Interval, ScheduleInput } from './types';
import { validateSlot } from './validate-slot';

// Team meeting types over the single-host engine: each member's slots come from `computeSlots` with the
// team type's policy and that member's own hours, bookings and busy time; a round robin offers a start
// when at least one member has it (union), a collective one only when every member has it (intersection).
// Every member's list is ascending, so the lists are merged with one cursor each: no set of every slot.

export type TeamSchedulingMode = 'round_robin' | 'collective';

/** An offered team start and the members free at it, as indexes into the members' list, ascending. */
export interface TeamSlot extends Interval {
  members: number[];
}

/** Union (round robin) or intersection (collective) of ascending slot lists, one list per member. */
export function combineMemberSlots(memberSlots: readonly Interval[][], mode: TeamSchedulingMode): TeamSlot[] {
  return mode === 'round_robin' ? unionOf(memberSlots) : intersectionOf(memberSlots);
}

function unionOf(memberSlots: readonly Interval[][]): TeamSlot[] {
  const cursors = memberSlots.map(() => 0);
  const result: TeamSlot[] = [];
  for (;;) {
    // A team has a handful of members: a scan of the heads beats a heap at that size.
    let earliest = Infinity;
    let end = 0;
    for (let member = 0; member < memberSlots.length; member++) {
      const head = memberSlots[member]![cursors[member]!];
      if (head && head.start < earliest) {
        earliest = head.start;
        end = head.end;
      }
    }
    if (earliest === Infinity) return result;
    const members: number[] = [];
    for (let member = 0; member < memberSlots.length; member++) {
      const head = memberSlots[member]![cursors[member]!];
      if (head && head.start === earliest) {
        members.push(member);
        cursors[member]!++;
      }
    }
    result.push({ start: earliest, end, members });
  }
}

function intersectionOf(memberSlots: readonly Interval[][]): TeamSlot[] {
  if (memberSlots.length === 0) return [];
  const cursors = memberSlots.map(() => 0);
  const everyone = memberSlots.map((_, member) => member);
  const result: TeamSlot[] = [];
  const first = memberSlots[0]!;
  for (const candidate of first) {
    let inAll = true;
    for (let member = 1; member < memberSlots.length && inAll; member++) {
      const slots = memberSlots[member]!;
      let at = cursors[member]!;
      while (at < slots.length && slots[at]!.start < candidate.start) at++;
      cursors[member] = at;
      if (at === slots.length) return result; // this member has nothing later: no later common start
      inAll = slots[at]!.start === candidate.start;
    }
    if (inAll) result.push({ start: candidate.start, end: candidate.end, members: everyone });
  }
  return result;
}

/** Each member's slots (their own schedule input) in `range`, combined for the team's mode. */
export function computeTeamSlots(memberInputs: readonly ScheduleInput[], range: Interval, mode: TeamSchedulingMode): TeamSlot[] {
  return combineMemberSlots(
    memberInputs.map((input) => computeSlots(input, range)),
    mode,
  );
}

/**
 * The members free at one start, as indexes into `memberInputs`, each checked with `validateSlot` (the
 * booking path's own check). Empty when nobody is (a booking is then a 409); a collective start needs
 * every member, so it is all of them or none.
 */
export function freeMembersAt(memberInputs: readonly ScheduleInput[], start: number, mode: TeamSchedulingMode): number[] {
  const free = memberInputs.flatMap((input, member) => (validateSlot(input, start).ok ? [member] : []));
  return mode === 'collective' && free.length < memberInputs.length ? [] : free;
}
