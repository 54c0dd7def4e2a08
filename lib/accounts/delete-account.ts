import 'server-only';
import { and, eq, gt, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, accountTokens, availabilityOverrides, availabilityRules, bookings, calendarConnections, emailNotifications, meetingTypes, schedules, sessions, slotHoldingStatuses, usernameRedirects, users, webhookEndpoints } from '@/db/schema';
import { cancelBooking } from '@/lib/booking';
import { disconnectConnection } from '@/lib/calendars/disconnect';
import { notFound, fieldError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { assertNoTeamLeftWithoutOwner, leaveEveryTeam } from '@/lib/hosts/teams/account-memberships';

// Deleting an account. Bookings reference the host (ON DELETE RESTRICT: bookings are never deleted as
// a side effect), so the user row stays, marked deleted and anonymised, and everything personal goes:
// 1. future bookings are cancelled through the normal cancel path, so each invitee is emailed;
// 2. calendar connections are disconnected (push channels stopped, grants revoked, tokens deleted);
// 3. one host write removes hours, overrides, sign-in links and sessions, switches meeting types off,
//    releases the username (and its redirects), blanks the user row, and strips the invitees' details
//    from the host's other bookings. The bookings cancelled in step 1 keep the invitee's name and
//    email (only), so their cancellation email can still reach them. The host leaves every team in it
//    (refused up front while they are the only owner of a team with other members).

export const deleteAccountSchema = z.object({ confirmUsername: z.string().max(200) });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

const REASON = 'The host deleted their Rendezvous account.';

/** Addresses in the reserved `.invalid` TLD never receive mail. */
const deletedAddress = (id: string) => `${id}@deleted.invalid`;
const releasedUsername = (id: string) => `deleted-${id.replaceAll('-', '')}`;

export async function deleteHostAccount(ctx: HostContext, input: DeleteAccountInput): Promise<{ cancelledBookings: number }> {
  const { actor: access, now } = ctx;
  const hostUserId = access.userId;
  const deps = ctx;
  const [host] = await deps.database.select({ username: users.username, deletedAt: users.deletedAt }).from(users).where(eq(users.id, hostUserId));
  if (!host || host.deletedAt) throw notFound('Host');
  if (input.confirmUsername.trim().toLowerCase() !== host.username) {
    const message = `Type your username, ${host.username}, to confirm.`;
    throw fieldError('invalid_request', 'confirmUsername', message);
  }
  await assertNoTeamLeftWithoutOwner(deps.database, hostUserId);
  // Marked first: from here the host is mailed nothing (their copies of the cancellations included),
  // and a second delete racing this one stops here.
  const [marked] = await deps.database.update(users).set({ deletedAt: new Date(now) }).where(and(eq(users.id, hostUserId), isNull(users.deletedAt))).returning({ id: users.id });
  if (!marked) throw notFound('Host');
  // Before the cancellations below: their events must not reach the host's receivers.
  await deps.database.delete(webhookEndpoints).where(eq(webhookEndpoints.userId, hostUserId));
  const future = await deps.database
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.hostUserId, hostUserId), inArray(bookings.status, [...slotHoldingStatuses]), gt(bookings.startTime, new Date(now))));
  for (const booking of future) await cancelBooking(deps, { bookingId: booking.id, access, reason: REASON, now });
  const connections = await deps.database.select({ id: calendarConnections.id }).from(calendarConnections).where(eq(calendarConnections.userId, hostUserId));
  for (const connection of connections) await disconnectConnection(ctx, { connectionId: connection.id });

  const justCancelled = future.map((booking) => booking.id);
  await runHostWrite(deps, { hostUserId, actor: access }, async (write) => {
    const { tx } = write;
    await leaveEveryTeam(write, hostUserId, new Date(now));
    const others = justCancelled.length > 0 ? notInArray(bookings.id, justCancelled) : undefined;
    const hostBookings = and(eq(bookings.hostUserId, hostUserId), others);
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, hostUserId));
    await tx
      .delete(emailNotifications)
      .where(or(inArray(emailNotifications.bookingId, tx.select({ id: bookings.id }).from(bookings).where(hostBookings)), eq(emailNotifications.recipientEmail, user!.email)));
    await tx.update(bookings).set({ inviteeName: 'Deleted', inviteeEmail: sql`${bookings.id}::text || '@deleted.invalid'`, notes: null, tracking: null, answers: null, cancellationReason: null }).where(hostBookings);
    await tx.update(bookings).set({ notes: null, tracking: null, answers: null }).where(eq(bookings.hostUserId, hostUserId));
    await tx.update(meetingTypes).set({ isActive: false, deletedAt: new Date(now), description: null, location: null, bookingQuestions: [] }).where(and(eq(meetingTypes.userId, hostUserId), isNull(meetingTypes.deletedAt)));
    for (const table of [availabilityRules, availabilityOverrides, usernameRedirects, accountTokens]) await tx.delete(table).where(eq(table.userId, hostUserId));
    // Schedule names are the host's words too: only the (renamed) default schedule is kept.
    await tx.update(meetingTypes).set({ scheduleId: null }).where(eq(meetingTypes.userId, hostUserId));
    await tx.delete(schedules).where(and(eq(schedules.userId, hostUserId), eq(schedules.isDefault, false)));
    await tx.update(schedules).set({ name: 'Working hours' }).where(eq(schedules.userId, hostUserId));
    await tx.delete(accounts).where(eq(accounts.userId, hostUserId));
    await tx.delete(sessions).where(eq(sessions.userId, hostUserId));
    await tx
      .update(users)
      .set({
        email: deletedAddress(hostUserId),
        name: 'Deleted account',
        username: releasedUsername(hostUserId),
        passwordHash: null,
        emailVerified: null,
        image: null,
        hostReminderEmails: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        deletedAt: new Date(now),
      })
      .where(eq(users.id, hostUserId));
  });
  return { cancelledBookings: future.length };
}
