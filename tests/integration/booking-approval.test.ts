import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { approveRequestAction, declineRequestAction } from '@/app/dashboard/bookings/actions';
import { bookings, emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { approvalLink, approvalToken } from '@/lib/booking/approval-links';
import { decideRequest, type RequestDecision } from '@/lib/booking/decide-request';
import { expireDueRequests } from '@/lib/booking/expire-requests';
import { cacheStore } from '@/lib/cache';
import { AppError } from '@/lib/errors';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, createMeetingType, inviteeFor } from '../factories';
import { book, cancel, decideByApprovalLink as decideByLink, downloadCalendarFile, fetchAvailability, tokenOf } from './api';
import { isolatedDatabase } from './isolated-database';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Requires confirmation (issue 18): a request holds its slot like a confirmed booking until the host
// approves or declines it, or it expires; every decision is one compare-and-swap, so races end in one
// outcome and one email. Inline jobs, so the emails each step causes are checked in the captured outbox.

const { database } = isolatedDatabase('rendezvous_approval');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_1015AM_NY = '2027-01-11T15:15:00.000Z';
const DAY = { start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' };
const HOUR_MS = 60 * 60 * 1000;

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

const deps = () => ({ database: database(), store: cacheStore() });
const rowOf = async (id: string) => (await database().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const eventNamesFor = async (bookingId: string) =>
  (await database().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`).orderBy(outbox.createdAt)).map((e) => e.eventName);
async function mailFor(bookingId: string, kinds: string[]) {
  await settleDispatches();
  return database().select().from(emailNotifications).where(and(eq(emailNotifications.bookingId, bookingId), inArray(emailNotifications.notificationType, kinds)));
}

async function requested(meetingType: Record<string, unknown> = {}) {
  const { host, meetingType: type } = await createBookableHost(database(), { name: 'Therapy intake', requiresConfirmation: true, ...meetingType });
  const invitee = inviteeFor(type.id, MONDAY_10AM_NY, { name: 'Ann Lee' });
  const reply = await book(invitee);
  expect(reply.status).toBe(201);
  return { host, meetingType: type, invitee, booking: reply.body.booking };
}

const startsOffered = async (meetingTypeId: string) => (await fetchAvailability({ meetingTypeId, ...DAY })).body.slots.map((slot) => slot.start);

describe('a request holds its slot', () => {
  it('is created pending, with no reschedule link, and the reply says so', async () => {
    const { booking } = await requested();
    expect(booking.status).toBe('pending');
    expect(booking.cancelUrl).toBeDefined();
    expect(booking.rescheduleUrl).toBeUndefined();
    expect(await eventNamesFor(booking.id)).toEqual(['booking/requested']);
  });

  it('blocks its time for others exactly like a confirmed booking: not offered, and a second request or booking is a 409', async () => {
    const { host, meetingType, booking } = await requested();
    expect(await startsOffered(meetingType.id)).not.toContain(MONDAY_10AM_NY);
    expect(await startsOffered(meetingType.id)).not.toContain(MONDAY_1015AM_NY);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(409);
    // Another meeting type of the same host, without confirmation, is blocked by the same constraint.
    const instant = await createMeetingType(database(), host.id, { maxDaysInFuture: 730 });
    expect(await startsOffered(instant.id)).not.toContain(MONDAY_10AM_NY);
    expect((await book(inviteeFor(instant.id, MONDAY_1015AM_NY))).status).toBe(409);
    expect((await rowOf(booking.id)).status).toBe('pending');
  });

  it('the database refuses an overlapping pending row even past the app (bookings_no_overlap covers pending)', async () => {
    const { booking } = await requested();
    const row = await rowOf(booking.id);
    const copy = database().insert(bookings).values({
      meetingTypeId: row.meetingTypeId,
      hostUserId: row.hostUserId,
      inviteeName: 'Other',
      inviteeEmail: 'other@example.test',
      startTime: row.startTime,
      endTime: row.endTime,
      inviteeTimezone: 'UTC',
      status: 'pending',
      approvalTokenHash: 'x'.repeat(64),
      approvalExpiresAt: row.startTime,
      cancelTokenHash: 'c'.repeat(64),
      rescheduleTokenHash: 'r'.repeat(64),
    });
    await expect(copy).rejects.toMatchObject({ cause: { code: '23P01' } });
  });

  it('mails the invitee "request received" and the host Approve and Decline links to confirm pages; no confirmation yet', async () => {
    const { booking, invitee } = await requested();
    const mail = await mailFor(booking.id, ['booking_request', 'confirmation']);
    expect(mail.map((m) => m.notificationType).sort()).toEqual(['booking_request', 'booking_request']);
    const toInvitee = mail.find((m) => m.recipientEmail === invitee.email)!;
    const toHost = mail.find((m) => m.recipientEmail !== invitee.email)!;
    expect(toInvitee.subject).toMatch(/^Request received: Therapy intake/);
    expect(toInvitee.textBody).toContain('waiting for their confirmation');
    expect(toInvitee.attachments).toEqual([]);
    const token = approvalToken(booking.id);
    expect(toHost.textBody).toContain(`Approve: ${approvalLink(booking.id, 'approve', token)}`);
    expect(toHost.textBody).toContain(`Decline: ${approvalLink(booking.id, 'decline', token)}`);
    expect(approvalLink(booking.id, 'approve', token)).toMatch(new RegExp(`/bookings/${booking.id}/approve\\?token=`));
    expect(toInvitee.textBody).not.toContain(token);
  });

  it('has no invitation file until it is approved (409), then a confirmed one', async () => {
    const { booking } = await requested();
    const token = tokenOf(booking.cancelUrl);
    expect((await downloadCalendarFile(booking.id, token)).status).toBe(409);
    expect((await decideByLink(booking.id, { token: approvalToken(booking.id), decision: 'approve' })).status).toBe(200);
    const file = await downloadCalendarFile(booking.id, token);
    expect(file.status).toBe(200);
    expect(file.text).toContain('BEGIN:VEVENT');
  });
});

describe('deciding a request', () => {
  it('approve from the link: confirmed, the usual confirmation to both, and a second approval or a decline is a 409', async () => {
    const { booking } = await requested();
    const token = approvalToken(booking.id);
    const approved = await decideByLink(booking.id, { token, decision: 'approve' });
    expect(approved).toMatchObject({ status: 200, body: { booking: { status: 'confirmed' } } });
    expect(await eventNamesFor(booking.id)).toEqual(['booking/requested', 'booking/confirmed']);
    expect(await mailFor(booking.id, ['confirmation'])).toHaveLength(2);
    expect(await decideByLink(booking.id, { token, decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'This request was already approved.' } } });
    expect(await decideByLink(booking.id, { token, decision: 'decline' })).toMatchObject({ status: 409 });
    expect(await startsOffered(booking.meetingTypeId)).not.toContain(MONDAY_10AM_NY);
  });

  it('a forged or missing token is the same 404 as an unknown booking', async () => {
    const { booking } = await requested();
    expect((await decideByLink(booking.id, { token: tokenOf(booking.cancelUrl), decision: 'approve' })).status).toBe(404);
    expect((await decideByLink(booking.id, { token: 'forged', decision: 'approve' })).status).toBe(404);
    expect((await decideByLink('00000000-0000-4000-8000-000000000000', { token: 'x', decision: 'approve' })).status).toBe(404);
    expect((await rowOf(booking.id)).status).toBe('pending');
  });

  it('decline with a reason frees the slot, tells the invitee why, and a later approval gets a 409 that says it was declined', async () => {
    const { booking, invitee } = await requested();
    const token = approvalToken(booking.id);
    expect(await decideByLink(booking.id, { token, decision: 'decline', reason: 'Fully booked that week' })).toMatchObject({ status: 200, body: { booking: { status: 'declined' } } });
    expect(await startsOffered(booking.meetingTypeId)).toContain(MONDAY_10AM_NY);
    const [told] = await mailFor(booking.id, ['request_declined']);
    expect(told).toMatchObject({ recipientEmail: invitee.email });
    expect(told!.textBody).toContain('declined your request');
    expect(told!.textBody).toContain('Fully booked that week');
    expect(await decideByLink(booking.id, { token, decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'This request was already declined.' } } });
    expect((await book(inviteeFor(booking.meetingTypeId, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('the host approves and declines from the dashboard through the write seam; another host cannot', async () => {
    const first = await requested();
    const second = await requested();
    signInAs(second.host.id);
    expect(await approveRequestAction({ bookingId: first.booking.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    signInAs(first.host.id);
    const pendingTab = await listHostBookings(database(), first.host.id, { tab: 'pending', q: '' }, new Date());
    expect(pendingTab.items.map((item) => item.id)).toEqual([first.booking.id]);
    expect(await approveRequestAction({ bookingId: first.booking.id })).toEqual({ ok: true, data: { status: 'confirmed' } });
    expect((await listHostBookings(database(), first.host.id, { tab: 'pending', q: '' }, new Date())).items).toEqual([]);
    signInAs(second.host.id);
    expect(await declineRequestAction({ bookingId: second.booking.id, reason: '' })).toEqual({ ok: true, data: { status: 'declined' } });
    expect(await declineRequestAction({ bookingId: second.booking.id })).toMatchObject({ ok: false, error: { code: 'booking_not_active', message: 'This request was already declined.' } });
    const cancelledTab = await listHostBookings(database(), second.host.id, { tab: 'cancelled', q: '' }, new Date());
    expect(cancelledTab.items.map((item) => item.status)).toEqual(['declined']);
    signInAs(null);
  });

  it('the invitee withdraws a request with its cancel link: the slot is freed and the host can no longer approve it', async () => {
    const { booking } = await requested();
    expect(await cancel(booking.id, { token: tokenOf(booking.cancelUrl) })).toMatchObject({ status: 200, body: { booking: { status: 'cancelled' } } });
    expect(await startsOffered(booking.meetingTypeId)).toContain(MONDAY_10AM_NY);
    expect(await decideByLink(booking.id, { token: approvalToken(booking.id), decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'The invitee withdrew this request.' } } });
  });
});

describe('expiry', () => {
  it('an unanswered request expires after its auto-decline hours: the slot is free, the invitee is told, approval is a 409', async () => {
    const { booking, invitee } = await requested({ autoDeclineAfterHours: 2 });
    const row = await rowOf(booking.id);
    // Two hours after the request (the app's clock; created_at is the database's, a few ms apart).
    expect(Math.abs(row.approvalExpiresAt!.getTime() - (row.createdAt.getTime() + 2 * HOUR_MS))).toBeLessThan(5_000);
    // Not yet due: the sweep leaves it alone.
    await expireDueRequests(deps(), row.approvalExpiresAt!.getTime() - HOUR_MS);
    expect((await rowOf(booking.id)).status).toBe('pending');
    const dueAt = row.approvalExpiresAt!.getTime() + 1;
    await expect(decideRequest(deps(), { bookingId: booking.id, access: { kind: 'link', token: approvalToken(booking.id) }, decision: { outcome: 'approve' }, now: dueAt })).rejects.toMatchObject({
      status: 409,
      message: 'This request expired before anyone answered it.',
    });
    // The sweep might also meet rows of other tests here; this one must be among those it expires.
    expect(await expireDueRequests(deps(), dueAt)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(booking.id)).toMatchObject({ status: 'expired', declineReason: null });
    expect(await startsOffered(booking.meetingTypeId)).toContain(MONDAY_10AM_NY);
    const [told] = await mailFor(booking.id, ['request_declined']);
    expect(told).toMatchObject({ recipientEmail: invitee.email });
    expect(told!.textBody).toContain('did not confirm your request');
    // Running the sweep again is a no-op: expiry is idempotent.
    await expireDueRequests(deps(), dueAt + HOUR_MS);
    expect(await eventNamesFor(booking.id)).toEqual(['booking/requested', 'booking/declined']);
  });
});

describe('the approval race storm', () => {
  it('many approvers, decliners and expiries at once end in exactly one outcome, one event and one email to the invitee', async () => {
    for (let round = 0; round < 3; round++) {
      const { booking } = await requested({ autoDeclineAfterHours: 1 });
      const row = await rowOf(booking.id);
      const beforeExpiry = row.approvalExpiresAt!.getTime() - 30 * 60_000;
      const afterExpiry = row.approvalExpiresAt!.getTime() + 1;
      const token = approvalToken(booking.id);
      const calls: { decision: RequestDecision; now: number; access: Parameters<typeof decideRequest>[1]['access'] }[] = [];
      for (let i = 0; i < 12; i++) {
        calls.push({ decision: { outcome: 'approve' }, now: beforeExpiry, access: i % 2 ? { kind: 'link', token } : { kind: 'host', userId: row.hostUserId } });
        calls.push({ decision: { outcome: 'decline', reason: `no ${i}` }, now: beforeExpiry, access: { kind: 'link', token } });
        calls.push({ decision: { outcome: 'expire' }, now: afterExpiry, access: { kind: 'system' } });
      }
      const results = await Promise.allSettled(calls.map((call) => decideRequest(deps(), { bookingId: booking.id, ...call })));
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const loss of lost) expect(loss.reason).toBeInstanceOf(AppError);
      expect(new Set(lost.map((loss) => (loss.reason as AppError).status))).toEqual(new Set([409]));
      const final = await rowOf(booking.id);
      expect(['confirmed', 'declined', 'expired']).toContain(final.status);
      const outcomes = (await eventNamesFor(booking.id)).filter((name) => name !== 'booking/requested');
      expect(outcomes).toHaveLength(1);
      const toInvitee = (await mailFor(booking.id, ['confirmation', 'request_declined'])).filter((mail) => mail.recipientEmail === row.inviteeEmail);
      expect(toInvitee).toHaveLength(1);
      expect(toInvitee[0]!.notificationType).toBe(final.status === 'confirmed' ? 'confirmation' : 'request_declined');
    }
  }, 60_000);
});
