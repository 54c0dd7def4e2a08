import { and, count, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { AppError, constraintOf, notFound, sqlStateOf, fieldError } from '@/lib/errors';
import { lookUpHostSchedule } from '@/lib/hosts/schedules/rows';
import { assertActorMayWrite } from '../actor';
import { type HostContext, type HostWrite, runHostWrite } from '../host-write';
import { liveMeetingType, ownerOfMeetingType } from './rows';

// What every meeting type write shares: the host write seam (lock, transaction, version bump, so the
// public page shows the change on its next request), the owner check, and the slug's unique index.

/** Enough for any real host; a bound on what one account can make the dashboard list. */
export const MAX_MEETING_TYPES_PER_HOST = 200;

type MeetingTypeRow = typeof meetingTypes.$inferSelect;

export function slugTaken(cause?: unknown): AppError {
  return fieldError('conflict', 'slug', 'Another of your meeting types already uses this URL; pick another.', { summary: 'Please check the highlighted fields.', cause });
}

/** The partial unique index on (user_id, slug) among live rows is the one judge, also for racing writes. */
export async function withSlugClashAsFieldError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === '23505' && constraintOf(error) === 'meeting_types_user_id_slug_unique') throw slugTaken(error);
    throw error;
  }
}

/** A schedule picked in the form must be one of the host's own (the foreign key would say so as a 500). */
export async function assertOwnSchedule(tx: Transaction, hostUserId: string, scheduleId: string | null | undefined): Promise<void> {
  if (!scheduleId) return;
  if (!(await lookUpHostSchedule(tx, hostUserId, scheduleId))) throw fieldError('not_found', 'scheduleId', 'Schedule not found; pick one of yours.');
}

/** Refuses a new meeting type when the host already has the maximum (counted under the host lock). */
export async function assertRoomForAnother(tx: Transaction, hostUserId: string): Promise<void> {
  const [row] = await tx
    .select({ live: count() })
    .from(meetingTypes)
    .where(and(eq(meetingTypes.userId, hostUserId), isNull(meetingTypes.deletedAt)));
  if ((row?.live ?? 0) >= MAX_MEETING_TYPES_PER_HOST) {
    throw new AppError('conflict', `You can have at most ${MAX_MEETING_TYPES_PER_HOST} meeting types. Delete one you no longer use first.`);
  }
}

/**
 * Runs `work` on an existing, live meeting type as the context's actor, through the host write seam of its owner.
 * Unknown, deleted and other hosts' meeting types all answer the same 404, before anything is locked.
 */
export async function writeOwnMeetingType<T>(
  ctx: HostContext,
  meetingTypeId: string,
  work: (write: HostWrite, current: MeetingTypeRow) => Promise<T>,
): Promise<T> {
  const owner = await ownerOfMeetingType(ctx.database, meetingTypeId);
  if (!owner) throw notFound('Meeting type');
  assertActorMayWrite(ctx.actor, owner, 'Meeting type');
  return withSlugClashAsFieldError(() =>
    runHostWrite(ctx, { hostUserId: owner, actor: ctx.actor }, async (write) => {
      // Read again under the host lock: it may have been deleted since.
      const [current] = await write.tx.select().from(meetingTypes).where(liveMeetingType(meetingTypeId, owner));
      if (!current) throw notFound('Meeting type');
      return work(write, current);
    }),
  );
}
