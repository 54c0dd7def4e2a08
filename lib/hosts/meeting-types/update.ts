import { eq } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { HostContext } from '../host-write';
import { assertOwnSchedule, writeOwnMeetingType } from './meeting-type-write';
import { assertSeatsCoverBooked } from './seats-floor';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import type { MeetingTypeInput } from './schemas';

/**
 * Replaces every editable field. Bookings already made keep their own times and buffer snapshot;
 * the new settings apply to the slots offered from now on.
 */
export async function updateMeetingType(ctx: HostContext, input: { id: string; fields: MeetingTypeInput }): Promise<HostMeetingType> {
  return writeOwnMeetingType(ctx, input.id, async ({ tx, hostUserId, emit }) => {
    await assertOwnSchedule(tx, hostUserId, input.fields.scheduleId);
    // Under the host lock, so no seat can be sold between the count and the update.
    await assertSeatsCoverBooked(tx, { meetingTypeId: input.id, seatsPerSlot: input.fields.seatsPerSlot, now: ctx.now });
    const [updated] = await tx.update(meetingTypes).set(input.fields).where(eq(meetingTypes.id, input.id)).returning(hostMeetingTypeColumns);
    if (!updated) throw new Error('meeting type update returned no row');
    await emit('meeting-type/updated', { meetingTypeId: updated.id, hostUserId });
    return updated;
  });
}
