import { jobsDb } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { reassignRemovedMemberBookings } from '@/lib/booking/team/reassign-removed-member';
import { defineJob } from './job';

// A member left a team or was removed: their future round-robin bookings go to a free member, or are
// cancelled with the invitee told. One step; a retry skips what was already handed on.

export const teamMemberRemoved = defineJob({
  id: 'team-member-removed',
  name: 'Hand a removed member’s future round-robin bookings to a free member, or cancel them',
  triggers: ['team/member-removed'],
  retries: 8,
  handler: async ({ event, step }) =>
    step.run('hand-over-bookings', async () => {
      const outcomes = await reassignRemovedMemberBookings({ database: jobsDb(), store: cacheStore() }, { teamId: event.data.teamId, userId: event.data.userId, now: Date.now() });
      return { reassigned: outcomes.filter((o) => o.outcome === 'reassigned').length, cancelled: outcomes.filter((o) => o.outcome === 'cancelled').length };
    }),
});
