import { eq } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { Actor } from '../actor';
import type { HostWriteDeps } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import type { MeetingTypeInput } from './schemas';

/**
 * Replaces every editable field. Bookings already made keep their own times and buffer snapshot;
 * the new settings apply to the slots offered from now on.
 */
export async function updateMeetingType(deps: HostWriteDeps, actor: Actor, meetingTypeId: string, input: MeetingTypeInput): Promise<HostMeetingType> {
  return writeOwnMeetingType(deps, actor, meetingTypeId, async ({ tx }) => {
    const [updated] = await tx.update(meetingTypes).set(input).where(eq(meetingTypes.id, meetingTypeId)).returning(hostMeetingTypeColumns);
    if (!updated) throw new Error('meeting type update returned no row');
    return updated;
  });
}
