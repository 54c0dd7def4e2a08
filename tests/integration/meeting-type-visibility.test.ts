import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { setMeetingTypeActiveAction, updateMeetingTypeAction, deleteMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { meetingTypes } from '@/db/schema';
import { hostOfActiveMeetingType } from '@/lib/booking/create-booking';
import { loadManagedBooking } from '@/lib/booking/managed-booking';
import { findMeetingTypeForHost, listMeetingTypes } from '@/lib/hosts/meeting-types/list';
import { findPublicMeetingType, findPublicMeetingTypeById } from '@/lib/hosts/public-meeting-type';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, inviteeFor } from '../factories';
import { book, fetchAvailability, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

const database = connectTestDatabase();
const MONDAY = '2027-01-11';
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const mondayQuery = (meetingTypeId: string) => ({ meetingTypeId, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });

/** Everything an invitee could reach a meeting type through; each must refuse a deleted one. */
async function publicTraces(host: { id: string; username: string }, meetingType: { id: string; slug: string }) {
  const profile = await findPublicHostProfile(database, host.username);
  return {
    onProfile: profile?.meetingTypes.some((m) => m.id === meetingType.id),
    bookingPage: await findPublicMeetingType(database, host.username, meetingType.slug),
    availability: (await fetchAvailability(mondayQuery(meetingType.id))).status,
    booking: (await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'))).status,
    bookable: await hostOfActiveMeetingType(database, meetingType.id).then(
      () => true,
      () => false,
    ),
    dashboard: (await listMeetingTypes(database, host.id)).some((m) => m.id === meetingType.id),
    editPage: await findMeetingTypeForHost(database, host.id, meetingType.id),
  };
}

const gone = { onProfile: false, bookingPage: null, availability: 404, booking: 404, bookable: false, dashboard: false, editPage: null };

describe('a deleted meeting type', () => {
  it('is invisible on the public pages, availability, booking and the dashboard', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    expect((await fetchAvailability(mondayQuery(meetingType.id))).status).toBe(200);
    expect(await deleteMeetingTypeAction({ id: meetingType.id })).toMatchObject({ ok: true });
    expect(await publicTraces(host, meetingType)).toEqual(gone);
  });

  it('stays invisible even if its row were still marked active: every query checks deleted_at itself', async () => {
    const { host, meetingType } = await createBookableHost(database);
    await database.update(meetingTypes).set({ deletedAt: new Date() }).where(eq(meetingTypes.id, meetingType.id));
    expect(await publicTraces(host, meetingType)).toEqual(gone);
    expect((await findPublicMeetingTypeById(database, meetingType.id))?.isActive).toBe(false);
  });

  it('keeps its bookings manageable: the cancel page still finds the booking, without a link to book again', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    signInAs(host.id);
    await deleteMeetingTypeAction({ id: meetingType.id });
    const managed = await loadManagedBooking(database, body.booking.id, tokenOf(body.booking.cancelUrl), 'cancel');
    expect(managed).toMatchObject({ booking: { status: 'confirmed' }, meetingType: { id: meetingType.id, isActive: false } });
  });
});

describe('a change to a meeting type', () => {
  it('shows on the public availability at once (the host version is bumped)', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const before = await fetchAvailability(mondayQuery(meetingType.id));
    expect(before.body.slots[0]).toEqual({ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:30:00.000Z' });
    expect(before.body.slots).toHaveLength(31);

    const update = await updateMeetingTypeAction({
      id: meetingType.id,
      name: meetingType.name,
      slug: meetingType.slug,
      description: '',
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 0,
      maxDaysInFuture: 730,
      slotIntervalMinutes: 30,
      maxBookingsPerDay: null,
      location: '',
      color: '#3B82F6',
      isActive: true,
      addVideoLink: false,
      minChangeNoticeMinutes: 0,
    });
    expect(update.ok).toBe(true);
    const after = await fetchAvailability(mondayQuery(meetingType.id));
    expect(after.body.slots[0]).toEqual({ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T15:00:00.000Z' });
    expect(after.body.slots).toHaveLength(15); // 09:00–16:00 every 30 minutes

    await setMeetingTypeActiveAction({ id: meetingType.id, isActive: false });
    expect((await fetchAvailability(mondayQuery(meetingType.id))).status).toBe(404);
    await setMeetingTypeActiveAction({ id: meetingType.id, isActive: true });
    expect((await fetchAvailability(mondayQuery(meetingType.id))).status).toBe(200);
  });
});
