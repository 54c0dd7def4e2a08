import { meetingTypes } from '@/db/schema';
import { type HostContext, runHostWrite } from '../host-write';
import { assertOwnSchedule, assertRoomForAnother, withSlugClashAsFieldError } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import type { MeetingTypeInput } from './schemas';

/** A new meeting type for the acting host; a slug the host already uses is a field error on `slug`. */
export async function createMeetingType(ctx: HostContext, input: MeetingTypeInput): Promise<HostMeetingType> {
  return withSlugClashAsFieldError(() =>
    runHostWrite(ctx, { hostUserId: ctx.actor.userId, actor: ctx.actor }, async ({ tx, hostUserId, emit }) => {
      await assertRoomForAnother(tx, hostUserId);
      await assertOwnSchedule(tx, hostUserId, input.scheduleId);
      const [created] = await tx
        .insert(meetingTypes)
        .values({ ...input, userId: hostUserId })
        .returning(hostMeetingTypeColumns);
      if (!created) throw new Error('meeting type insert returned no row');
      await emit('meeting-type/created', { meetingTypeId: created.id, hostUserId });
      return created;
    }),
  );
}
