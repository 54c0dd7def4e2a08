import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { notFound } from '@/lib/errors';

/** Whether a meeting type's bookings are requests the host approves, and when an unanswered one is declined. */
export async function loadApprovalPolicy(database: Queryable, meetingTypeId: string) {
  const [row] = await database
    .select({ requiresConfirmation: meetingTypes.requiresConfirmation, autoDeclineAfterHours: meetingTypes.autoDeclineAfterHours })
    .from(meetingTypes)
    .where(eq(meetingTypes.id, meetingTypeId));
  if (!row) throw notFound('Meeting type');
  return row;
}
