import { eq } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { HostContext } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';

/** Switches booking on or off; an inactive meeting type keeps its address and settings but offers no slots. */
export async function setMeetingTypeActive(ctx: HostContext, input: { id: string; isActive: boolean }): Promise<HostMeetingType> {
  return writeOwnMeetingType(ctx, input.id, async ({ tx, hostUserId, emit }) => {
    const [updated] = await tx.update(meetingTypes).set({ isActive: input.isActive }).where(eq(meetingTypes.id, input.id)).returning(hostMeetingTypeColumns);
    if (!updated) throw new Error('meeting type update returned no row');
    await emit('meeting-type/updated', { meetingTypeId: updated.id, hostUserId });
    return updated;
  });
}
