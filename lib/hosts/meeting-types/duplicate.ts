import { and, eq, isNull } from 'drizzle-orm';
import { meetingTypes } from '@/db/schema';
import type { HostContext } from '../host-write';
import { assertRoomForAnother, writeOwnMeetingType } from './meeting-type-write';
import { type HostMeetingType, hostMeetingTypeColumns } from './rows';
import { MAX_NAME_LENGTH } from './limits';
import { freeCopySlug } from './slug';

const COPY_SUFFIX = ' (copy)';

/**
 * A copy with every setting, named "… (copy)" at the first free "…-copy" slug. It starts inactive, so
 * the host can rename it before invitees see it.
 */
export async function duplicateMeetingType(ctx: HostContext, input: { id: string }): Promise<HostMeetingType> {
  return writeOwnMeetingType(ctx, input.id, async ({ tx, hostUserId, emit }, original) => {
    await assertRoomForAnother(tx, hostUserId);
    const live = await tx
      .select({ slug: meetingTypes.slug })
      .from(meetingTypes)
      .where(and(eq(meetingTypes.userId, hostUserId), isNull(meetingTypes.deletedAt)));
    const { id: _id, createdAt: _created, updatedAt: _updated, deletedAt: _deleted, ...settings } = original;
    const [copy] = await tx
      .insert(meetingTypes)
      .values({
        ...settings,
        name: `${original.name.slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`,
        slug: freeCopySlug(original.slug, new Set(live.map((row) => row.slug))),
        isActive: false,
      })
      .returning(hostMeetingTypeColumns);
    if (!copy) throw new Error('meeting type copy returned no row');
    await emit('meeting-type/created', { meetingTypeId: copy.id, hostUserId });
    return copy;
  });
}
