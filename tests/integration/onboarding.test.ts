import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { onboardingMarkAction } from '@/app/dashboard/actions';
import { saveWeeklyHoursAction } from '@/app/dashboard/availability/actions';
import { createMeetingTypeAction, deleteMeetingTypeAction, updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { calendarConnections, hostOnboarding, users } from '@/db/schema';
import { createHost } from '@/lib/hosts/accounts/create-host';
import { loadOnboardingChecklist } from '@/lib/hosts/onboarding/checklist';
import { uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The dashboard's first-run checklist: each step from real state (or the host's own word for the two
// only they can vouch for), and "hide" kept per host.

const database = connectTestDatabase();

/** A host as sign-up makes one: through the one createHost, with the starter meeting type. */
async function newHost(overrides: { emailVerified?: Date | null } = {}) {
  const suffix = uniqueSuffix();
  const host = await database.transaction((tx) =>
    createHost(tx, { name: `Nia ${suffix}`, email: `nia-${suffix}@example.test`, username: `nia-${suffix}`, timeZone: 'Europe/London', ...overrides }),
  );
  signInAs(host.id);
  return host;
}

/** The meeting type form as the dashboard sends it (every value a string). */
const typeForm = (fields: { name: string; slug: string }) => ({
  ...fields,
  description: '',
  slotIntervalMinutes: '',
  maxBookingsPerDay: '',
  location: '',
  addVideoLink: '',
  durationMinutes: '30',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
  minNoticeMinutes: '0',
  maxDaysInFuture: '60',
  color: '#3b82f6',
  isActive: 'on',
  minChangeNoticeMinutes: '0',
  minChangeNoticeMinutesUnit: 'hours',
});

const checklist = (hostUserId: string) => loadOnboardingChecklist(database, hostUserId);

describe('the onboarding checklist', () => {
  it('starts with nothing done but the hours shown as they are: Mon–Fri, 9:00–17:00 in the host’s zone', async () => {
    const host = await newHost();
    expect(await checklist(host.id)).toEqual({
      done: { confirmEmail: false, checkHours: false, meetingType: false, connectCalendar: false, copyLink: false },
      hoursSummary: 'Mon–Fri, 9:00–17:00',
      timeZone: 'Europe/London',
      username: host.username,
      firstMeetingTypeId: expect.any(String),
    });
  });

  it('counts a confirmed address, a connected calendar, and the starter meeting type once edited', async () => {
    const host = await newHost();
    const starter = (await checklist(host.id))!.firstMeetingTypeId!;
    await database.update(users).set({ emailVerified: new Date() }).where(eq(users.id, host.id));
    await database.insert(calendarConnections).values({ userId: host.id, provider: 'ics', icsUrl: 'https://calendar.example.test/me.ics' });
    expect((await checklist(host.id))!.done).toMatchObject({ confirmEmail: true, connectCalendar: true, meetingType: false });

    const edited = await updateMeetingTypeAction({ ...typeForm({ name: 'Intro chat', slug: '30min' }), id: starter });
    expect(edited).toMatchObject({ ok: true });
    expect((await checklist(host.id))!.done.meetingType).toBe(true);
  });

  it('counts a meeting type the host made, and not once every one they made is deleted', async () => {
    const host = await newHost();
    const starter = (await checklist(host.id))!.firstMeetingTypeId!;
    expect(await deleteMeetingTypeAction({ id: starter })).toMatchObject({ ok: true });
    expect(await checklist(host.id)).toMatchObject({ done: { meetingType: false }, firstMeetingTypeId: null });
    const created = await createMeetingTypeAction(typeForm({ name: 'Coffee', slug: 'coffee' }));
    expect(created).toMatchObject({ ok: true });
    expect(await checklist(host.id)).toMatchObject({ done: { meetingType: true } });
  });

  it('records "hours checked" from the checklist or from saving the weekly hours, and "link copied"', async () => {
    const host = await newHost();
    expect(await onboardingMarkAction({ mark: 'linkCopied' })).toEqual({ ok: true, data: { mark: 'linkCopied' } });
    expect((await checklist(host.id))!.done).toMatchObject({ copyLink: true, checkHours: false });

    const other = await newHost();
    expect(await saveWeeklyHoursAction({ days: [{ dayOfWeek: 2, windows: [{ startTime: '10:00', endTime: '12:00' }] }] })).toMatchObject({ ok: true });
    expect(await checklist(other.id)).toMatchObject({ done: { checkHours: true, copyLink: false }, hoursSummary: 'Tue, 10:00–12:00' });
    expect((await checklist(host.id))!.done.checkHours).toBe(false);
  });

  it('stays hidden once dismissed, keeps the first time a mark was made, and refuses an unknown mark', async () => {
    const host = await newHost();
    expect(await onboardingMarkAction({ mark: 'hoursChecked' })).toMatchObject({ ok: true });
    const [first] = await database.select().from(hostOnboarding).where(eq(hostOnboarding.userId, host.id));
    expect(await onboardingMarkAction({ mark: 'dismissed' })).toMatchObject({ ok: true });
    expect(await onboardingMarkAction({ mark: 'hoursChecked' })).toMatchObject({ ok: true });
    expect(await checklist(host.id)).toBeNull();
    const [row] = await database.select().from(hostOnboarding).where(eq(hostOnboarding.userId, host.id));
    expect(row?.hoursCheckedAt).toEqual(first?.hoursCheckedAt);
    expect(row?.dismissedAt).toBeInstanceOf(Date);

    expect(await onboardingMarkAction({ mark: 'everything' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { mark: expect.any(String) } } });
    signInAs(null);
    expect(await onboardingMarkAction({ mark: 'dismissed' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('dismissing is per host: another host still sees theirs', async () => {
    const first = await newHost();
    await onboardingMarkAction({ mark: 'dismissed' });
    const second = await newHost();
    expect(await checklist(first.id)).toBeNull();
    expect(await checklist(second.id)).not.toBeNull();
  });
});
