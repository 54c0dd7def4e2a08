import { meetingTypes } from '@/db/schema';
import type { Actor } from '../actor';
import { type HostWriteDeps, runHostWrite } from '../host-write';
import { assertRoomForAnother, withSlugClashAsFieldError } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import type { MeetingTypeInput } from './schemas';

/** A new meeting type for `hostUserId`; a slug the host already uses is a field error on `slug`. */
export async function createMeetingType(
  deps: HostWriteDeps,
  target: { hostUserId: string; actor: Actor },
  input: MeetingTypeInput,
): Promise<HostMeetingType> {
  return withSlugClashAsFieldError(() =>
    runHostWrite(deps, target, async ({ tx, hostUserId }) => {
      await assertRoomForAnother(tx, hostUserId);
      const [created] = await tx
        .insert(meetingTypes)
        .values({ ...input, userId: hostUserId })
        .returning(hostMeetingTypeColumns);
      if (!created) throw new Error('meeting type insert returned no row');
      return created;
    }),
  );
}
