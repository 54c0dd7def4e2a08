import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as actions from '@/app/dashboard/meeting-types/actions';
import { bookings, meetingTypes } from '@/db/schema';
import { GUARDED } from '@/lib/actions/host-action';
import { MAX_MEETING_TYPES_PER_HOST } from '@/lib/hosts/meeting-types/meeting-type-write';
import { listMeetingTypes } from '@/lib/hosts/meeting-types/list';
import { signInAs } from '../setup/mock-current-host';
import { createHost, createMeetingType, insertBookingRow, uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

const database = connectTestDatabase();
const { createMeetingTypeAction, deleteMeetingTypeAction, duplicateMeetingTypeAction, setMeetingTypeActiveAction, updateMeetingTypeAction } = actions;

/** What the form sends: every value a string, the checkbox "on" or absent. */
function form(overrides: Record<string, string | undefined> = {}) {
  const suffix = uniqueSuffix();
  const fields: Record<string, string | undefined> = {
    name: `Intro ${suffix}`,
    slug: `intro-${suffix}`,
    description: 'Say hello.',
    durationMinutes: '45',
    bufferBeforeMinutes: '5',
    bufferAfterMinutes: '10',
    minNoticeMinutes: '120',
    maxDaysInFuture: '30',
    slotIntervalMinutes: '',
    maxBookingsPerDay: '4',
    location: 'Zoom',
    color: '#10b981',
    isActive: 'on',
    minChangeNoticeMinutes: '24',
    minChangeNoticeMinutesUnit: 'hours',
    ...overrides,
  };
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value);
  return data;
}

async function row(id: string) {
  const [found] = await database.select().from(meetingTypes).where(eq(meetingTypes.id, id));
  return found;
}

async function signedInHost() {
  const host = await createHost(database);
  signInAs(host.id);
  return host;
}

describe('the meeting type actions', () => {
  it('are all guarded by hostAction', () => {
    const exported = Object.values(actions);
    expect(exported.length).toBe(5);
    for (const action of exported) expect((action as unknown as Record<symbol, unknown>)[GUARDED]).toBe(true);
  });
});

describe('createMeetingTypeAction', () => {
  it('creates a meeting type with every field, the cut-off typed in hours and stored in minutes', async () => {
    const host = await signedInHost();
    const result = await createMeetingTypeAction(form({ slug: 'Coffee-Chat', slotIntervalMinutes: '20', minChangeNoticeMinutes: '1.5' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await row(result.data.id)).toMatchObject({
      userId: host.id,
      slug: 'coffee-chat',
      description: 'Say hello.',
      durationMinutes: 45,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
      minNoticeMinutes: 120,
      maxDaysInFuture: 30,
      slotIntervalMinutes: 20,
      maxBookingsPerDay: 4,
      location: 'Zoom',
      color: '#10B981',
      isActive: true,
      addVideoLink: false,
      minChangeNoticeMinutes: 90,
      deletedAt: null,
    });
  });

  it('stores empty optional fields as none and an unticked box as inactive', async () => {
    await signedInHost();
    const result = await createMeetingTypeAction(form({ description: '', location: '', maxBookingsPerDay: '', isActive: undefined, minChangeNoticeMinutes: '0' }));
    if (!result.ok) throw new Error(result.error.message);
    expect(await row(result.data.id)).toMatchObject({ description: null, location: null, maxBookingsPerDay: null, slotIntervalMinutes: null, isActive: false, minChangeNoticeMinutes: 0 });
  });

  it('converts each duration from the unit it was typed in, and keeps a contact line', async () => {
    await signedInHost();
    const result = await createMeetingTypeAction(
      form({
        durationMinutes: '1.5',
        durationMinutesUnit: 'hours',
        bufferAfterMinutes: '0.25',
        bufferAfterMinutesUnit: 'hours',
        minNoticeMinutes: '12',
        minNoticeMinutesUnit: 'hours',
        maxDaysInFuture: '8',
        maxDaysInFutureUnit: 'weeks',
        slotIntervalMinutes: '1',
        slotIntervalMinutesUnit: 'hours',
        minChangeNoticeMinutes: '7',
        minChangeNoticeMinutesUnit: 'days',
        contactLine: '  Call 020 7946 0000  ',
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(await row(result.data.id)).toMatchObject({
      durationMinutes: 90,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 720,
      maxDaysInFuture: 56,
      slotIntervalMinutes: 60,
      minChangeNoticeMinutes: 10_080,
      contactLine: 'Call 020 7946 0000',
    });
  });

  it('refuses a duration that is not whole in its stored unit, out of range in any unit, or a contact line too long', async () => {
    await signedInHost();
    const result = await createMeetingTypeAction(
      form({
        durationMinutes: '25',
        durationMinutesUnit: 'hours',
        bufferBeforeMinutes: '0.5',
        maxDaysInFuture: '1.5',
        minNoticeMinutes: '2',
        minNoticeMinutesUnit: 'fortnights',
        contactLine: 'x'.repeat(201),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          durationMinutes: 'Use 1440 minutes or less',
          bufferBeforeMinutes: 'Use whole minutes',
          maxDaysInFuture: 'Use whole days',
          minNoticeMinutesUnit: 'Pick minutes, hours, days',
          contactLine: expect.any(String),
        },
      },
    });
  });

  it('answers field errors beside each wrong field and stores nothing', async () => {
    const host = await signedInHost();
    const result = await createMeetingTypeAction(
      form({ name: ' ', slug: 'no spaces', durationMinutes: '0', maxDaysInFuture: '731', slotIntervalMinutes: 'often', color: 'blue', minChangeNoticeMinutes: '-1' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (result.ok) return;
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(
      ['color', 'durationMinutes', 'maxDaysInFuture', 'minChangeNoticeMinutes', 'name', 'slotIntervalMinutes', 'slug'].sort(),
    );
    expect(await listMeetingTypes(database, host.id)).toEqual([]);
  });

  it('refuses a slug the host already uses as a field error, but not one of another host or a deleted one', async () => {
    const host = await signedInHost();
    const other = await createHost(database);
    await createMeetingType(database, host.id, { slug: 'taken' });
    await createMeetingType(database, host.id, { slug: 'was-deleted', deletedAt: new Date(), isActive: false });
    await createMeetingType(database, other.id, { slug: 'theirs' });

    const clash = await createMeetingTypeAction(form({ slug: 'taken' }));
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { slug: expect.stringContaining('already uses') } } });
    expect((await createMeetingTypeAction(form({ slug: 'theirs' }))).ok).toBe(true);
    expect((await createMeetingTypeAction(form({ slug: 'was-deleted' }))).ok).toBe(true);
  });

  it('gives exactly one of two racing creates the slug; the other hears a slug field error', async () => {
    const host = await signedInHost();
    const results = await Promise.all([createMeetingTypeAction(form({ slug: 'race' })), createMeetingTypeAction(form({ slug: 'race' }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict', fieldErrors: { slug: expect.any(String) } } });
    expect((await listMeetingTypes(database, host.id)).map((m) => m.slug)).toEqual(['race']);
  });

  it(`stops at ${MAX_MEETING_TYPES_PER_HOST} meeting types per host`, async () => {
    const host = await signedInHost();
    await database.insert(meetingTypes).values(
      Array.from({ length: MAX_MEETING_TYPES_PER_HOST }, (_, i) => ({ userId: host.id, name: `Type ${i}`, slug: `type-${i}` })),
    );
    expect(await createMeetingTypeAction(form())).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('answers unauthorized when signed out and stores nothing', async () => {
    signInAs(null);
    const data = form();
    expect(await createMeetingTypeAction(data)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const stored = await database.select().from(meetingTypes).where(eq(meetingTypes.slug, String(data.get('slug'))));
    expect(stored).toEqual([]);
  });
});

describe('updateMeetingTypeAction', () => {
  it('saves every field', async () => {
    const host = await signedInHost();
    const meetingType = await createMeetingType(database, host.id);
    const data = form({ slug: 'renamed', durationMinutes: '60', minChangeNoticeMinutes: '2', minChangeNoticeMinutesUnit: 'days', isActive: undefined });
    data.set('id', meetingType.id);
    const result = await updateMeetingTypeAction(data);
    expect(result).toMatchObject({ ok: true, data: { id: meetingType.id, slug: 'renamed', durationMinutes: 60, isActive: false, minChangeNoticeMinutes: 2880 } });
    expect(await row(meetingType.id)).toMatchObject({ slug: 'renamed', durationMinutes: 60, isActive: false, minChangeNoticeMinutes: 2880 });
  });

  it('answers field errors and a slug clash without changing anything', async () => {
    const host = await signedInHost();
    const meetingType = await createMeetingType(database, host.id);
    await createMeetingType(database, host.id, { slug: 'occupied' });
    const invalid = form({ bufferBeforeMinutes: '-5' });
    invalid.set('id', meetingType.id);
    expect(await updateMeetingTypeAction(invalid)).toMatchObject({ ok: false, error: { fieldErrors: { bufferBeforeMinutes: expect.any(String) } } });
    const clash = form({ slug: 'occupied' });
    clash.set('id', meetingType.id);
    expect(await updateMeetingTypeAction(clash)).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { slug: expect.any(String) } } });
    expect(await row(meetingType.id)).toEqual(meetingType);
  });

  it('answers not_found for another host’s meeting type, an unknown or a malformed id, and changes nothing', async () => {
    await signedInHost();
    const stranger = await createHost(database);
    const theirs = await createMeetingType(database, stranger.id);
    for (const id of [theirs.id, crypto.randomUUID(), 'not-a-uuid']) {
      const data = form();
      data.set('id', id);
      expect(await updateMeetingTypeAction(data)).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Meeting type not found' } });
    }
    expect(await row(theirs.id)).toEqual(theirs);
  });

  it('answers unauthorized when signed out', async () => {
    const host = await createHost(database);
    const meetingType = await createMeetingType(database, host.id);
    signInAs(null);
    const data = form();
    data.set('id', meetingType.id);
    expect(await updateMeetingTypeAction(data)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await row(meetingType.id)).toEqual(meetingType);
  });
});

describe('duplicateMeetingTypeAction', () => {
  it('copies every setting under a "(copy)" name and a free slug, switched off', async () => {
    const host = await signedInHost();
    const original = await createMeetingType(database, host.id, { name: 'Intro', slug: 'intro', durationMinutes: 50, location: 'Office', minChangeNoticeMinutes: 600 });
    const first = await duplicateMeetingTypeAction({ id: original.id });
    const second = await duplicateMeetingTypeAction({ id: original.id });
    expect(first).toMatchObject({ ok: true, data: { name: 'Intro (copy)', slug: 'intro-copy', durationMinutes: 50, location: 'Office', minChangeNoticeMinutes: 600, isActive: false } });
    expect(second).toMatchObject({ ok: true, data: { slug: 'intro-copy-2' } });
    expect(await listMeetingTypes(database, host.id)).toHaveLength(3);
  });

  it('answers not_found for another host’s meeting type and copies nothing', async () => {
    const me = await signedInHost();
    const stranger = await createHost(database);
    const theirs = await createMeetingType(database, stranger.id);
    expect(await duplicateMeetingTypeAction({ id: theirs.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await listMeetingTypes(database, stranger.id)).toHaveLength(1);
    expect(await listMeetingTypes(database, me.id)).toHaveLength(0);
  });

  it('answers unauthorized when signed out', async () => {
    const host = await createHost(database);
    const meetingType = await createMeetingType(database, host.id);
    signInAs(null);
    expect(await duplicateMeetingTypeAction({ id: meetingType.id })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await listMeetingTypes(database, host.id)).toHaveLength(1);
  });
});

describe('setMeetingTypeActiveAction', () => {
  it('switches a meeting type off and on again', async () => {
    const host = await signedInHost();
    const meetingType = await createMeetingType(database, host.id);
    expect(await setMeetingTypeActiveAction({ id: meetingType.id, isActive: false })).toMatchObject({ ok: true, data: { isActive: false } });
    expect((await row(meetingType.id))?.isActive).toBe(false);
    expect(await setMeetingTypeActiveAction({ id: meetingType.id, isActive: true })).toMatchObject({ ok: true, data: { isActive: true } });
  });

  it('answers not_found for another host’s meeting type and leaves it on', async () => {
    await signedInHost();
    const theirs = await createMeetingType(database, (await createHost(database)).id);
    expect(await setMeetingTypeActiveAction({ id: theirs.id, isActive: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await row(theirs.id))?.isActive).toBe(true);
  });

  it('answers unauthorized when signed out', async () => {
    const meetingType = await createMeetingType(database, (await createHost(database)).id);
    signInAs(null);
    expect(await setMeetingTypeActiveAction({ id: meetingType.id, isActive: false })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await row(meetingType.id))?.isActive).toBe(true);
  });
});

describe('deleteMeetingTypeAction', () => {
  it('hides the meeting type, keeps its bookings, frees its slug, and cannot delete it twice', async () => {
    const host = await signedInHost();
    const meetingType = await createMeetingType(database, host.id, { slug: 'going' });
    const booking = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-11T15:00:00Z', end: '2027-01-11T15:30:00Z' });

    expect(await deleteMeetingTypeAction({ id: meetingType.id })).toEqual({ ok: true, data: { id: meetingType.id } });
    expect(await row(meetingType.id)).toMatchObject({ isActive: false, deletedAt: expect.any(Date) });
    expect(await database.select().from(bookings).where(eq(bookings.id, booking.id))).toHaveLength(1);
    expect(await listMeetingTypes(database, host.id)).toEqual([]);
    expect(await deleteMeetingTypeAction({ id: meetingType.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await setMeetingTypeActiveAction({ id: meetingType.id, isActive: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await createMeetingTypeAction(form({ slug: 'going' }))).ok).toBe(true);
  });

  it('answers not_found for another host’s meeting type and deletes nothing', async () => {
    await signedInHost();
    const theirs = await createMeetingType(database, (await createHost(database)).id);
    expect(await deleteMeetingTypeAction({ id: theirs.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await row(theirs.id)).toEqual(theirs);
  });

  it('answers unauthorized when signed out', async () => {
    const meetingType = await createMeetingType(database, (await createHost(database)).id);
    signInAs(null);
    expect(await deleteMeetingTypeAction({ id: meetingType.id })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await row(meetingType.id)).toEqual(meetingType);
  });
});
