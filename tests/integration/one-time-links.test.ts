import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { createOneTimeLinkAction, revokeOneTimeLinkAction } from '@/app/dashboard/meeting-types/one-time-link-actions';
import { bookings, meetingTypes, oneTimeLinks } from '@/db/schema';
import { createOneTimeLink } from '@/lib/booking/one-time-links/create-link';
import { findOneTimeLink } from '@/lib/booking/one-time-links/find-link';
import { listOneTimeLinks } from '@/lib/booking/one-time-links/list-links';
import { hostContext } from '@/lib/hosts/host-write';
import { findMeetingTypeForHost } from '@/lib/hosts/meeting-types/list';
import { findPublicMeetingType } from '@/lib/hosts/public-meeting-type';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { hashToken } from '@/lib/secrets/token-hash';
import { formValuesOf } from '@/components/dashboard/meeting-types/form-values';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, createMeetingType, inviteeFor } from '../factories';
import { book, fetchAvailability, reschedule, tokenOf } from './api';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// One-time links (/d/{token}) and secret meeting types, through the real route handlers and actions
// on real Postgres. What matters is what is stored: one booking per link, however many try at once.

const database = connectTestDatabase();
const MONDAY = '2027-01-11';
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_11AM_NY = '2027-01-11T16:00:00.000Z';

/** A fresh bookable host with one link to its meeting type; the token comes out of the link's path. */
async function hostWithLink(expiresIn: '1d' | '7d' | '30d' | 'never' = 'never', meetingType = {}) {
  const { host, meetingType: type } = await createBookableHost(database, meetingType);
  signInAs(host.id);
  const created = await createOneTimeLinkAction({ meetingTypeId: type.id, expiresIn });
  if (!created.ok) throw new Error(created.error.message);
  const token = created.data.path.replace(/^\/d\//, '');
  return { host, meetingType: type, linkId: created.data.id, token, path: created.data.path };
}

const bookWith = (meetingTypeId: string, token: string, start = MONDAY_10AM_NY, extra: Record<string, unknown> = {}) =>
  book(inviteeFor(meetingTypeId, start, { oneTimeLinkToken: token, ...extra }));

async function storedLink(linkId: string) {
  const [row] = await database.select().from(oneTimeLinks).where(eq(oneTimeLinks.id, linkId));
  return row;
}

describe('one-time links', () => {
  it('are 32 random bytes, URL-safe, and only their hash is stored', async () => {
    const { linkId, token, path } = await hostWithLink();
    expect(path).toBe(`/d/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await storedLink(linkId);
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('book once; the link is then used by that booking and the page says so', async () => {
    const { meetingType, linkId, token } = await hostWithLink();
    expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'open', meetingTypeId: meetingType.id });
    const first = await bookWith(meetingType.id, token);
    expect(first.status).toBe(201);
    const row = await storedLink(linkId);
    expect(row?.usedByBookingId).toBe(first.body.booking.id);
    expect(row?.usedAt).toBeInstanceOf(Date);
    expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'used' });

    const second = await bookWith(meetingType.id, token, MONDAY_11AM_NY);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: { code: 'link_used', message: 'This link has already been used.' } });
  });

  it('a link used twice at once makes exactly one booking: 20 racing requests for different times → one 201, 19 × 409 link_used', async () => {
    const { meetingType, token } = await hostWithLink();
    const starts = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2027, 0, 11 + Math.floor(i / 8), 14, (i % 8) * 30)).toISOString());
    const replies = await Promise.all(starts.map((start) => bookWith(meetingType.id, token, start)));
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.error?.code).toBe('link_used');
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(1);
  });

  it('two requests for the same time with one link: the loser hears "link used", not "slot taken"', async () => {
    for (let round = 0; round < 5; round++) {
      const { meetingType, token } = await hostWithLink();
      const replies = await Promise.all([bookWith(meetingType.id, token), bookWith(meetingType.id, token)]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(replies.find((r) => r.status === 409)?.body.error?.code).toBe('link_used');
    }
  });

  it('a retry with the same Idempotency-Key after success gets the same booking, not "used"', async () => {
    const { meetingType, token } = await hostWithLink();
    const request = inviteeFor(meetingType.id, MONDAY_10AM_NY, { oneTimeLinkToken: token });
    const key = `key-${crypto.randomUUID()}`;
    const first = await book(request, { 'idempotency-key': key });
    const again = await book(request, { 'idempotency-key': key });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.booking.id).toBe(first.body.booking.id);
  });

  it('a refused booking (a time outside the hours) leaves the link open', async () => {
    const { meetingType, linkId, token } = await hostWithLink();
    const refused = await bookWith(meetingType.id, token, '2027-01-11T03:00:00.000Z');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('slot_unavailable');
    expect((await storedLink(linkId))?.usedAt).toBeNull();
    expect((await bookWith(meetingType.id, token)).status).toBe(201);
  });

  it('an expired link answers 409 link_expired, books nothing, and its page says it expired', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    const created = await createOneTimeLink(hostContext(depsFor(database), host.id, twoDaysAgo), { meetingTypeId: meetingType.id, expiresIn: '1d' });
    const token = created.path.slice('/d/'.length);
    expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'expired' });
    const reply = await bookWith(meetingType.id, token);
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual({ error: { code: 'link_expired', message: 'This link has expired.' } });
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(0);
  });

  it('a link that expires later books until then', async () => {
    const { meetingType, token, linkId } = await hostWithLink('1d');
    const expiresAt = (await storedLink(linkId))?.expiresAt?.getTime() ?? 0;
    expect(Math.abs(expiresAt - (Date.now() + 86_400_000))).toBeLessThan(60_000);
    expect((await bookWith(meetingType.id, token)).status).toBe(201);
  });

  it('a revoked link is refused like a forged one (404) and its page says it is not valid', async () => {
    const { meetingType, linkId, token } = await hostWithLink();
    expect(await revokeOneTimeLinkAction({ id: linkId })).toMatchObject({ ok: true });
    const reply = await bookWith(meetingType.id, token);
    expect(reply.status).toBe(404);
    expect(reply.body.error?.code).toBe('not_found');
    expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'invalid' });
    // Revoking twice, or revoking a used link, is the same 404.
    expect(await revokeOneTimeLinkAction({ id: linkId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a used link cannot be revoked: it stays used by its booking', async () => {
    const { meetingType, linkId, token } = await hostWithLink();
    const booked = await bookWith(meetingType.id, token);
    expect(await revokeOneTimeLinkAction({ id: linkId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await storedLink(linkId)).toMatchObject({ revokedAt: null, usedByBookingId: booked.body.booking.id });
  });

  it('forged, malformed and oversized tokens get 404 or 400 invalid_request, never a 500', async () => {
    const { meetingType } = await createBookableHost(database);
    const forged = 'A'.repeat(43);
    for (const token of [forged, 'short', '../../etc/passwd', '💥'.repeat(20), ' ']) {
      const reply = await bookWith(meetingType.id, token);
      expect(reply.status, token).toBe(404);
      expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'invalid' });
    }
    for (const token of ['', 'x'.repeat(201), 42, null]) {
      const reply = await bookWith(meetingType.id, token as string);
      expect(reply.status, String(token)).toBe(400);
      expect(reply.body.error?.code).toBe('invalid_request');
    }
  });

  it("a link books only its own meeting type: presented with another one's id it is a 404 and stays open", async () => {
    const { host, meetingType, linkId, token } = await hostWithLink();
    const other = await createMeetingType(database, host.id, { maxDaysInFuture: 730 });
    expect((await bookWith(other.id, token)).status).toBe(404);
    expect((await storedLink(linkId))?.usedAt).toBeNull();
    expect((await bookWith(meetingType.id, token)).status).toBe(201);
  });

  it('a booking made through a link is rescheduled with its own manage link', async () => {
    const { meetingType, token } = await hostWithLink();
    const booked = await bookWith(meetingType.id, token);
    const moved = await reschedule(booked.body.booking.id, { token: tokenOf(booked.body.booking.rescheduleUrl), start: MONDAY_11AM_NY });
    expect(moved.status).toBe(201);
    expect(moved.body.booking.start).toBe(MONDAY_11AM_NY);
  });

  it('a link to a meeting type switched off books nothing', async () => {
    const { meetingType, linkId, token } = await hostWithLink();
    await database.update(meetingTypes).set({ isActive: false }).where(eq(meetingTypes.id, meetingType.id));
    expect((await bookWith(meetingType.id, token)).status).toBe(404);
    expect((await storedLink(linkId))?.usedAt).toBeNull();
  });

  it('only the owner makes, lists and revokes links: another host gets 404 and sees none', async () => {
    const { meetingType, linkId } = await hostWithLink();
    const { host: stranger } = await createBookableHost(database);
    signInAs(stranger.id);
    expect(await createOneTimeLinkAction({ meetingTypeId: meetingType.id, expiresIn: 'never' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await revokeOneTimeLinkAction({ id: linkId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await listOneTimeLinks(database, stranger.id, meetingType.id, Date.now())).toEqual([]);
    expect((await storedLink(linkId))?.revokedAt).toBeNull();
  });

  it('the dashboard lists each link with its state, newest first', async () => {
    const { host, meetingType, linkId: usedId, token } = await hostWithLink();
    await bookWith(meetingType.id, token);
    const open = await createOneTimeLinkAction({ meetingTypeId: meetingType.id, expiresIn: '7d' });
    const revoked = await createOneTimeLinkAction({ meetingTypeId: meetingType.id, expiresIn: '30d' });
    if (!open.ok || !revoked.ok) throw new Error('link not created');
    await revokeOneTimeLinkAction({ id: revoked.data.id });
    const listed = await listOneTimeLinks(database, host.id, meetingType.id, Date.now());
    expect(listed.map((link) => [link.id, link.state])).toEqual([
      [revoked.data.id, 'invalid'],
      [open.data.id, 'open'],
      [usedId, 'used'],
    ]);
  });

  it('an unknown expiry choice is a field error', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    expect(await createOneTimeLinkAction({ meetingTypeId: meetingType.id, expiresIn: '1y' as 'never' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { expiresIn: expect.any(String) } },
    });
  });
});

describe('secret meeting types', () => {
  it('are not listed on the host page (nor its embed) but are bookable at their URL', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const current = await findMeetingTypeForHost(database, host.id, meetingType.id);
    if (!current) throw new Error('no meeting type');
    const values = formValuesOf(current);
    const form = {
      id: meetingType.id,
      name: values.name,
      slug: values.slug,
      ...Object.fromEntries(Object.entries(values.durations).flatMap(([name, { amount, unit }]) => [[name, amount], [`${name}Unit`, unit]])),
      color: values.color,
      isActive: 'on',
      isSecret: 'on',
    };
    expect(await updateMeetingTypeAction(form)).toMatchObject({ ok: true, data: { isSecret: true } });

    const profile = await findPublicHostProfile(database, host.username);
    expect(profile?.meetingTypes.map((m) => m.id)).not.toContain(meetingType.id);
    expect(await findPublicMeetingType(database, host.username, meetingType.slug)).toMatchObject({ id: meetingType.id, isActive: true });
    expect((await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' })).status).toBe(200);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('a secret and a listed meeting type of one host: only the listed one is on the page', async () => {
    const { host, meetingType: listed } = await createBookableHost(database);
    const secret = await createMeetingType(database, host.id, { isSecret: true, maxDaysInFuture: 730 });
    const profile = await findPublicHostProfile(database, host.username);
    expect(profile?.meetingTypes.map((m) => m.id)).toEqual([listed.id]);
    expect(await findPublicMeetingType(database, host.username, secret.slug)).toMatchObject({ id: secret.id });
  });
});
