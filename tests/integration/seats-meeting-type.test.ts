import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createMeetingTypeAction, updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { meetingTypes } from '@/db/schema';
import { formValuesOf } from '@/components/dashboard/meeting-types/form-values';
import { hostMeetingTypeColumns } from '@/lib/hosts/meeting-types/rows';
import { signInAs } from '../setup/mock-current-host';
import { createHost, createMeetingType, insertBookingRow, uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The meeting type form's "Group event" section: seats per time, and lowering it below what a future
// occasion already holds is refused beside the field.

const database = connectTestDatabase();
const FUTURE = { start: '2030-03-04T15:00:00Z', end: '2030-03-04T16:00:00Z' };

function form(fields: Record<string, string>) {
  const suffix = uniqueSuffix();
  const data = new FormData();
  const all = { name: `Class ${suffix}`, slug: `class-${suffix}`, durationMinutes: '60', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minNoticeMinutes: '0', maxDaysInFuture: '60', color: '#3B82F6', isActive: 'on', minChangeNoticeMinutes: '0', ...fields };
  for (const [key, value] of Object.entries(all)) data.set(key, value);
  return data;
}

async function seatsOf(id: string) {
  const [row] = await database.select({ seatsPerSlot: meetingTypes.seatsPerSlot }).from(meetingTypes).where(eq(meetingTypes.id, id));
  return row?.seatsPerSlot;
}

async function hostWithOccasion(seatsPerSlot: number, taken: number) {
  const host = await createHost(database);
  signInAs(host.id);
  const meetingType = await createMeetingType(database, host.id, { seatsPerSlot, durationMinutes: 60 });
  for (let i = 0; i < taken; i++) await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, ...FUTURE, seated: true });
  return meetingType;
}

describe('seats per time on the meeting type form', () => {
  it('creates a group event, and shows its seats back in the form', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const result = await createMeetingTypeAction(form({ seatsPerSlot: '12' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await seatsOf(result.data.id)).toBe(12);
    const [row] = await database.select(hostMeetingTypeColumns).from(meetingTypes).where(eq(meetingTypes.id, result.data.id));
    expect(formValuesOf(row!).seatsPerSlot).toBe('12');
  });

  it('refuses 1 seat and more than 1000, beside the field', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    for (const seatsPerSlot of ['1', '1001', 'many']) {
      expect(await createMeetingTypeAction(form({ seatsPerSlot }))).toMatchObject({ ok: false, error: { fieldErrors: { seatsPerSlot: expect.any(String) } } });
    }
  });

  it('refuses a group event that requires confirmation, beside the seats field; the database refuses it too', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const refused = await createMeetingTypeAction(form({ seatsPerSlot: '5', requiresConfirmation: 'on' }));
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { seatsPerSlot: expect.stringContaining('cannot require confirmation') } } });
    const meetingType = await createMeetingType(database, host.id, { seatsPerSlot: 5 });
    await expect(database.update(meetingTypes).set({ requiresConfirmation: true }).where(eq(meetingTypes.id, meetingType.id))).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint_name: 'meeting_types_seats_without_approval' }),
    });
  });

  it('refuses lowering the seats below what an upcoming occasion holds (422 with field details), and accepts that many', async () => {
    const meetingType = await hostWithOccasion(5, 4);
    const lower = form({ id: meetingType.id, seatsPerSlot: '3' });
    expect(await updateMeetingTypeAction(lower)).toMatchObject({
      ok: false,
      error: { code: 'unprocessable', fieldErrors: { seatsPerSlot: expect.stringContaining('4 invitees are already booked') } },
    });
    expect(await seatsOf(meetingType.id)).toBe(5);
    const ordinary = form({ id: meetingType.id, seatsPerSlot: '' });
    expect(await updateMeetingTypeAction(ordinary)).toMatchObject({ ok: false, error: { code: 'unprocessable' } });
    expect(await updateMeetingTypeAction(form({ id: meetingType.id, seatsPerSlot: '4' }))).toMatchObject({ ok: true, data: { seatsPerSlot: 4 } });
  });

  it('ignores past occasions and cancelled seats when lowering', async () => {
    const meetingType = await hostWithOccasion(5, 1);
    const [host] = await database.select({ userId: meetingTypes.userId }).from(meetingTypes).where(eq(meetingTypes.id, meetingType.id));
    const ids = { hostUserId: host!.userId!, meetingTypeId: meetingType.id };
    for (let i = 0; i < 3; i++) await insertBookingRow(database, { ...ids, start: '2020-03-04T15:00:00Z', end: '2020-03-04T16:00:00Z', seated: true });
    for (let i = 0; i < 3; i++) await insertBookingRow(database, { ...ids, ...FUTURE, seated: true, status: 'cancelled' });
    expect(await updateMeetingTypeAction(form({ id: meetingType.id, seatsPerSlot: '' }))).toMatchObject({ ok: true, data: { seatsPerSlot: null } });
  });
});
