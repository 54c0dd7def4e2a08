import { eq, inArray, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, calendarConnections, connectedCalendars, emailNotifications, webhookDeliveries } from '@/db/schema';
import { cacheStore } from '@/lib/cache';
import { hostContext } from '@/lib/hosts/host-write';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints/create';
import { inviteeFor } from '../factories';
import { book, cancel, tokenOf } from './api';
import { connect } from './calendar-helpers';
import { setTestEnv } from './env';
import { inlineJobsWithGoogle } from './inline-jobs-google';
import { isolatedDatabase } from './isolated-database';
import { createTeamType } from './team-booking-fixtures';

// Who hears of a team booking, with inline jobs end to end: the assigned member (round robin) or
// every member (collective) gets the host email, the calendar entry and their webhooks; the invitee
// gets one confirmation.

const { database } = isolatedDatabase('rendezvous_team_fanout');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
// The jobs run inline, the calendar syncs that connecting asks for too (against the fake).
const { settled } = inlineJobsWithGoogle(() => setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' }));

async function withEndpoints(memberIds: string[]) {
  const endpoints = new Map<string, string>();
  for (const id of memberIds) {
    const { endpoint } = await createWebhookEndpoint(hostContext({ database: database(), store: cacheStore() }, id), {
      url: `http://127.0.0.1:9/hooks/${id}`,
      events: ['booking.created', 'booking.cancelled'],
    });
    endpoints.set(id, endpoint.id);
  }
  return endpoints;
}

const groupRows = (leadId: string) => database().select().from(bookings).where(or(eq(bookings.id, leadId), eq(bookings.collectiveLeadId, leadId)));

describe('team booking fan-out', () => {
  it('round robin: only the assigned member is emailed and gets webhooks; the invitee gets one confirmation', async () => {
    const { meetingType, members } = await createTeamType(database(), { schedulingType: 'round_robin', members: 3 });
    const endpoints = await withEndpoints(members.map((m) => m.id));
    const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY);
    const reply = await book(invitee);
    await settled();
    const [row] = await groupRows(reply.body.booking.id);
    const assigned = members.find((m) => m.id === row!.hostUserId)!;
    const mail = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, row!.id));
    expect(mail.map((m) => [m.notificationType, m.recipientEmail]).sort()).toEqual(
      [
        ['confirmation', assigned.email],
        ['confirmation', invitee.email],
      ].sort(),
    );
    // The invitee's confirmation names the assigned member as the host.
    expect(mail.find((m) => m.recipientEmail === invitee.email)!.subject).toContain(assigned.name);
    const deliveries = await database().select().from(webhookDeliveries).where(inArray(webhookDeliveries.endpointId, [...endpoints.values()]));
    expect(deliveries.map((d) => d.endpointId)).toEqual([endpoints.get(assigned.id)]);
  });

  it('collective: every member is emailed, gets webhooks and a calendar entry of their own; the invitee hears once, and a cancel reaches all', async () => {
    const { meetingType, members } = await createTeamType(database(), { schedulingType: 'collective', members: 2 });
    const endpoints = await withEndpoints(members.map((m) => m.id));
    for (const member of members) await connect(database(), 'google', member.id);
    const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY);
    const reply = await book(invitee);
    expect(reply.status).toBe(201);
    await settled();
    const rows = await groupRows(reply.body.booking.id);
    const mail = await database()
      .select()
      .from(emailNotifications)
      .where(inArray(emailNotifications.bookingId, rows.map((r) => r.id)));
    const confirmations = mail.filter((m) => m.notificationType === 'confirmation').map((m) => m.recipientEmail);
    expect(confirmations.sort()).toEqual([invitee.email, ...members.map((m) => m.email)].sort());
    // The invitee's confirmation names every member they meet.
    const toInvitee = mail.find((m) => m.recipientEmail === invitee.email)!;
    for (const member of members) expect(toInvitee.subject).toContain(member.name);
    const deliveries = await database().select().from(webhookDeliveries).where(inArray(webhookDeliveries.endpointId, [...endpoints.values()]));
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([...endpoints.values()].sort());
    // Each member's row holds an event in a calendar of that member's own connection.
    for (const row of rows) {
      expect(row.calendarEventId).not.toBeNull();
      const [calendar] = await database()
        .select({ userId: calendarConnections.userId })
        .from(connectedCalendars)
        .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
        .where(eq(connectedCalendars.id, row.calendarEventCalendarId!));
      expect(calendar?.userId).toBe(row.hostUserId);
    }
    await cancel(reply.body.booking.id, { token: tokenOf(reply.body.booking.cancelUrl) });
    await settled();
    const after = await database()
      .select()
      .from(emailNotifications)
      .where(inArray(emailNotifications.bookingId, rows.map((r) => r.id)));
    const cancellations = after.filter((m) => m.notificationType === 'cancellation').map((m) => m.recipientEmail);
    expect(cancellations.sort()).toEqual([invitee.email, ...members.map((m) => m.email)].sort());
  });
});
