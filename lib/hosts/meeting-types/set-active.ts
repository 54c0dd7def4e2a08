import { eq } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { Actor } from '../actor';
import type { HostWriteDeps } from '../host-write';
import { writeOwnMeetingType } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';

/** Switches booking on or off; an inactive meeting type keeps its address and settings but offers no slots. */
export async function setMeetingTypeActive(deps: HostWriteDeps, actor: Actor, meetingTypeId: string, isActive: boolean): Promise<HostMeetingType> {
  return writeOwnMeetingType(deps, actor, meetingTypeId, async ({ tx }) => {
    const [updated] = await tx.update(meetingTypes).set({ isActive }).where(eq(meetingTypes.id, meetingTypeId)).returning(hostMeetingTypeColumns);
    if (!updated) throw new Error('meeting type update returned no row');
    return updated;
  });
}
