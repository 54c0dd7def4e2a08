import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes, teams } from '@/db/schema';
import { normaliseUsername } from '@/lib/ids';
import { storedBookingQuestions } from './meeting-types/booking-questions';
import { publicMeetingTypeColumns, type PublicMeetingTypeDetails } from './public-meeting-type';
import type { PublicMeetingType } from './public-profile';
import { isReleasedTeamSlug } from './teams/delete';

// What an invitee may see of a team at /team/{slug}…: its name and its bookable meeting types. Never a
// member: who is free, who is chosen and who gets the booking stay on the server.

export interface PublicTeamProfile {
  slug: string;
  name: string;
  /** Active, not deleted and not secret, shortest first. */
  meetingTypes: PublicMeetingType[];
}

/** The path segment of a team's public pages, where a host's would be its username: /team/{slug}. */
export const teamPagePath = (slug: string) => `team/${slug}`;

/** Null for an unknown or malformed slug (team slugs have the username format). */
export async function findPublicTeam(database: Queryable, slug: string): Promise<PublicTeamProfile | null> {
  const normalised = normaliseUsername(slug);
  // A deleted team keeps its row under a released slug: its page is gone like the team.
  if (!normalised || isReleasedTeamSlug(normalised)) return null;
  const rows = await database
    .select({
      slug: teams.slug,
      name: teams.name,
      meetingTypeId: meetingTypes.id,
      typeSlug: meetingTypes.slug,
      typeName: meetingTypes.name,
      description: meetingTypes.description,
      durationMinutes: meetingTypes.durationMinutes,
      color: meetingTypes.color,
    })
    .from(teams)
    .leftJoin(meetingTypes, and(eq(meetingTypes.teamId, teams.id), eq(meetingTypes.isActive, true), eq(meetingTypes.isSecret, false), isNull(meetingTypes.deletedAt)))
    .where(eq(teams.slug, normalised))
    .orderBy(asc(meetingTypes.durationMinutes), asc(meetingTypes.name));
  const first = rows[0];
  if (!first) return null;
  return {
    slug: first.slug,
    name: first.name,
    meetingTypes: rows.flatMap((row) =>
      row.meetingTypeId && row.typeSlug && row.typeName && row.durationMinutes !== null
        ? [{ id: row.meetingTypeId, slug: row.typeSlug, name: row.typeName, description: row.description, durationMinutes: row.durationMinutes, color: row.color }]
        : [],
    ),
  };
}

/**
 * The active team meeting type at /team/{teamSlug}/{typeSlug}, shaped like a host's so the booking page
 * is the same: its `host` is the team (name, and the team page's path where a host has a username).
 */
export async function findPublicTeamMeetingType(database: Queryable, teamSlug: string, typeSlug: string): Promise<PublicMeetingTypeDetails | null> {
  const normalised = normaliseUsername(teamSlug);
  if (!normalised || isReleasedTeamSlug(normalised) || typeSlug.length === 0 || typeSlug.length > 255) return null;
  const [row] = await database
    .select({
      ...publicMeetingTypeColumns,
      isActive: sql<boolean>`true`,
      teamSlug: teams.slug,
      teamName: teams.name,
    })
    .from(meetingTypes)
    .innerJoin(teams, eq(teams.id, meetingTypes.teamId))
    .where(and(eq(teams.slug, normalised), eq(meetingTypes.slug, typeSlug), eq(meetingTypes.isActive, true), isNull(meetingTypes.deletedAt)))
    .limit(1);
  if (!row) return null;
  const { teamSlug: slug, teamName, bookingQuestions, ...meetingType } = row;
  // The zone is only a default (the invitee's own is used); team types never need approval (a CHECK).
  return { ...meetingType, questions: storedBookingQuestions(bookingQuestions), host: { username: teamPagePath(slug), name: teamName, timeZone: 'UTC' } };
}
