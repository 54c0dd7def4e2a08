import { eq, sql } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { HostContext } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';

/**
 * Deletes a meeting type softly: the row stays (its bookings point at it and are kept), hidden from
 * the dashboard, the public pages, availability and booking; its slug is free for a new one.
 */
export async function deleteMeetingType(ctx: HostContext, input: { id: string }): Promise<{ id: string }> {
  return writeOwnMeetingType(ctx, input.id, async ({ tx, hostUserId, emit }) => {
    await tx.update(meetingTypes).set({ deletedAt: sql`now()`, isActive: false }).where(eq(meetingTypes.id, input.id));
    await emit('meeting-type/deleted', { meetingTypeId: input.id, hostUserId });
    return { id: input.id };
  });
}
