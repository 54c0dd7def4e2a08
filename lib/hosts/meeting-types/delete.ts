import { eq, sql } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { Actor } from '../actor';
import type { HostWriteDeps } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';

/**
 * Deletes a meeting type softly: the row stays (its bookings point at it and are kept), hidden from
 * the dashboard, the public pages, availability and booking; its slug is free for a new one.
 */
export async function deleteMeetingType(deps: HostWriteDeps, actor: Actor, meetingTypeId: string): Promise<{ id: string }> {
  return writeOwnMeetingType(deps, actor, meetingTypeId, async ({ tx }) => {
    await tx.update(meetingTypes).set({ deletedAt: sql`now()`, isActive: false }).where(eq(meetingTypes.id, meetingTypeId));
    return { id: meetingTypeId };
  });
}
