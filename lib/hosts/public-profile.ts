import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, users } from '@/db/schema';
import { normaliseUsername } from '@/lib/ids';

export interface PublicMeetingType {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  durationMinutes: number;
  color: string | null;
}

export interface PublicHostProfile {
  username: string;
  name: string;
  timeZone: string;
  meetingTypes: PublicMeetingType[];
}

/** What an invitee may see of a host: never the email, anything private or a secret meeting type. Null when unknown. */
export async function findPublicHostProfile(database: Queryable, username: string): Promise<PublicHostProfile | null> {
  const normalised = normaliseUsername(username);
  if (!normalised) return null;
  const rows = await database
    .select({
      username: users.username,
      name: users.name,
      timeZone: users.timeZone,
      meetingTypeId: meetingTypes.id,
      slug: meetingTypes.slug,
      meetingTypeName: meetingTypes.name,
      description: meetingTypes.description,
      durationMinutes: meetingTypes.durationMinutes,
      color: meetingTypes.color,
    })
    .from(users)
    // A deleted meeting type is also switched off; both are checked so neither alone can show it. A
    // host who has not confirmed their email yet shows as if every meeting type were switched off.
    // A secret one is bookable at its own URL but never listed.
    .leftJoin(
      meetingTypes,
      and(eq(meetingTypes.userId, users.id), eq(meetingTypes.isActive, true), eq(meetingTypes.isSecret, false), isNull(meetingTypes.deletedAt), isNotNull(users.emailVerified)),
    )
    .where(eq(users.username, normalised))
    .orderBy(asc(meetingTypes.durationMinutes), asc(meetingTypes.name));
  const first = rows[0];
  if (!first) return null;
  return {
    username: first.username,
    name: first.name,
    timeZone: first.timeZone,
    meetingTypes: rows.flatMap((row) =>
      row.meetingTypeId && row.slug && row.meetingTypeName && row.durationMinutes !== null
        ? [
            {
              id: row.meetingTypeId,
              slug: row.slug,
              name: row.meetingTypeName,
              description: row.description,
              durationMinutes: row.durationMinutes,
              color: row.color,
            },
          ]
        : [],
    ),
  };
}
