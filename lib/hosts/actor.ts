import { notFound } from '@/lib/errors';

// Who is changing a host's data. The host write seam takes one so a host's cancel and an invitee's
// cancel are the same service with different permission checks.

export type Actor =
  /** An invitee holding a booking link; the booking service checks the token itself. */
  | { kind: 'invitee' }
  /** A signed-in host: may change only their own data. */
  | { kind: 'host'; userId: string }
  /** A job of ours (calendar sync, sweeper): acts for any host. */
  | { kind: 'system'; job: string };


/**
 * Refuses a host acting on another host's data. The answer is the same 404 as for a missing row, so
 * ids of other hosts' things cannot be probed.
 */
export function assertActorMayWrite(actor: Actor, hostUserId: string, what = 'Resource'): void {
  if (actor.kind === 'host' && actor.userId !== hostUserId) throw notFound(what);
}
