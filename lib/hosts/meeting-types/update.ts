import { eq } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { HostContext } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import type { MeetingTypeInput } from './schemas';

/**
 * Replaces every editable field. Bookings already made keep their own times and buffer snapshot;
 * the new settings apply to the slots offered from now on.
 */
export async function updateMeetingType(ctx: HostContext, input: { id: string; fields: MeetingTypeInput }): Promise<HostMeetingType> {
  return writeOwnMeetingType(ctx, input.id, async ({ tx, hostUserId, emit }) => {
    const [updated] = await tx.update(meetingTypes).set(input.fields).where(eq(meetingTypes.id, input.id)).returning(hostMeetingTypeColumns);
    if (!updated) throw new Error('meeting type update returned no row');
    await emit('meeting-type/updated', { meetingTypeId: updated.id, hostUserId });
    return updated;
  });
}
