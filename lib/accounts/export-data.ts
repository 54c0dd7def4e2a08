import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { availabilityOverrides, availabilityRules, bookings, calendarConnections, hostOnboarding, meetingTypes, oneTimeLinks, users } from '@/db/schema';
import { listApiKeys } from '@/lib/hosts/api-keys/list';
import { listSchedules } from '@/lib/hosts/schedules/rows';
import { notFound } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { hostMeetingTypeColumns } from '@/lib/hosts/meeting-types/rows';
import { exportTeamMemberships } from '@/lib/hosts/teams/account-memberships';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints/list';

// "Download my data": everything the host gave us or collected through us, as JSON. Secrets stay
// out (password hash, sealed calendar tokens, link, approval and API key hashes, webhook signing
// secrets): they are not the host's data but keys to it.

export const EXPORT_FORMAT_VERSION = 1;

export async function exportHostData(ctx: HostContext) {
  const { database } = ctx;
  const hostUserId = ctx.actor.userId;
  const [profile] = await database
    .select({ name: users.name, email: users.email, username: users.username, timeZone: users.timeZone, emailVerifiedAt: users.emailVerified, hostReminderEmails: users.hostReminderEmails, hourCycle: users.hourCycle, locale: users.locale, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, hostUserId));
  if (!profile) throw notFound('Host');
  const [types, weeklyHours, dateOverrides, booked, calendars, schedules, links, keys, webhooks, [onboarding], teams] = await Promise.all([
    database
      .select({ ...hostMeetingTypeColumns, deletedAt: meetingTypes.deletedAt })
      .from(meetingTypes)
      .where(eq(meetingTypes.userId, hostUserId))
      .orderBy(asc(meetingTypes.createdAt)),
    database
      .select({ scheduleId: availabilityRules.scheduleId, dayOfWeek: availabilityRules.dayOfWeek, startTime: availabilityRules.startTime, endTime: availabilityRules.endTime })
      .from(availabilityRules)
      .where(eq(availabilityRules.userId, hostUserId))
      .orderBy(asc(availabilityRules.dayOfWeek), asc(availabilityRules.startTime)),
    database
      .select({ scheduleId: availabilityOverrides.scheduleId, date: availabilityOverrides.date, startTime: availabilityOverrides.startTime, endTime: availabilityOverrides.endTime })
      .from(availabilityOverrides)
      .where(eq(availabilityOverrides.userId, hostUserId))
      .orderBy(asc(availabilityOverrides.date)),
    database
      .select({
        id: bookings.id,
        meetingTypeId: bookings.meetingTypeId,
        status: bookings.status,
        seated: bookings.seated,
        start: bookings.startTime,
        end: bookings.endTime,
        inviteeName: bookings.inviteeName,
        inviteeEmail: bookings.inviteeEmail,
        inviteeTimezone: bookings.inviteeTimezone,
        locale: bookings.locale,
        notes: bookings.notes,
        tracking: bookings.tracking,
        answers: bookings.answers,
        cancellationReason: bookings.cancellationReason,
        cancelledAt: bookings.cancelledAt,
        cancelledBy: bookings.cancelledBy,
        noShowAt: bookings.noShowAt,
        newTimeRequestedAt: bookings.newTimeRequestedAt,
        newTimeRequestMessage: bookings.newTimeRequestMessage,
        approvalExpiresAt: bookings.approvalExpiresAt,
        decidedAt: bookings.decidedAt,
        declineReason: bookings.declineReason,
        rescheduledFromId: bookings.rescheduledFromId,
        createdAt: bookings.createdAt,
      })
      .from(bookings)
      .where(eq(bookings.hostUserId, hostUserId))
      .orderBy(asc(bookings.startTime)),
    database
      .select({ provider: calendarConnections.provider, accountEmail: calendarConnections.accountEmail, status: calendarConnections.status })
      .from(calendarConnections)
      .where(eq(calendarConnections.userId, hostUserId)),
    listSchedules(database, hostUserId),
    database
      .select({ id: oneTimeLinks.id, meetingTypeId: oneTimeLinks.meetingTypeId, createdAt: oneTimeLinks.createdAt, expiresAt: oneTimeLinks.expiresAt, usedAt: oneTimeLinks.usedAt, usedByBookingId: oneTimeLinks.usedByBookingId, revokedAt: oneTimeLinks.revokedAt })
      .from(oneTimeLinks)
      .where(eq(oneTimeLinks.hostUserId, hostUserId))
      .orderBy(asc(oneTimeLinks.createdAt)),
    // The dashboard's own lists: their columns already leave out key hashes and signing secrets.
    listApiKeys(database, hostUserId),
    listWebhookEndpoints(ctx),
    database
      .select({ hoursCheckedAt: hostOnboarding.hoursCheckedAt, linkCopiedAt: hostOnboarding.linkCopiedAt, dismissedAt: hostOnboarding.dismissedAt })
      .from(hostOnboarding)
      .where(eq(hostOnboarding.userId, hostUserId)),
    exportTeamMemberships(database, hostUserId),
  ]);
  return {
    format: EXPORT_FORMAT_VERSION,
    exportedAt: new Date(ctx.now).toISOString(),
    profile,
    meetingTypes: types,
    schedules,
    weeklyHours,
    dateOverrides,
    bookings: booked,
    calendarConnections: calendars,
    oneTimeLinks: links,
    apiKeys: keys,
    webhookEndpoints: webhooks,
    // The first-run checklist; null until the host touched it.
    onboarding: onboarding ?? null,
    // Each team with the host's role, and the team meeting types they are booked through (weight, priority).
    teams,
  };
}
