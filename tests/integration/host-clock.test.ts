import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setClockPreferenceAction } from '@/app/dashboard/settings/actions';
import { emailNotifications, users } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { cacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { findHostSettings } from '@/lib/hosts/accounts/settings';
import { signUpHost } from '@/lib/hosts/accounts/sign-up';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, createHost, inviteeFor, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { book } from './api';
import { isolatedDatabase } from './isolated-database';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The host's clock: the settings verb (through the seam, zod at the edge), the default from the
// sign-up locale, and the host's booking email read on it while the invitee's stays as it was.

const { database } = isolatedDatabase('rendezvous_clock');
const MONDAY_2PM_LONDON = '2027-01-11T14:00:00.000Z';

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

const storedCycle = async (id: string) => (await database().select({ hourCycle: users.hourCycle }).from(users).where(eq(users.id, id)))[0]?.hourCycle;

describe('setClockPreferenceAction', () => {
  it('saves the signed-in host’s clock through the write seam, and every host page reads it', async () => {
    const host = await createHost(database());
    signInAs(host.id);
    const before = await readHostVersion(cacheStore(), host.id);
    expect(await setClockPreferenceAction({ hourCycle: '24h' })).toEqual({ ok: true, data: { hourCycle: '24h' } });
    expect(await storedCycle(host.id)).toBe('24h');
    expect(await readHostVersion(cacheStore(), host.id)).toBeGreaterThan(before);
    expect((await findHostSummary(database(), host.id))?.hourCycle).toBe('24h');
    expect(await findHostSettings(database(), host.id)).toMatchObject({ hourCycle: '24h', automaticHourCycle: '12h' });
    expect(await setClockPreferenceAction({ hourCycle: 'auto' })).toMatchObject({ ok: true });
    expect((await findHostSummary(database(), host.id))?.hourCycle).toBe('12h');
  });

  it('refuses a clock that is not one of the three beside the field, and changes nothing', async () => {
    const host = await createHost(database(), { hourCycle: '24h' });
    signInAs(host.id);
    const form = new FormData();
    form.set('hourCycle', '13h');
    const result = await setClockPreferenceAction(form);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { hourCycle: expect.any(String) } } });
    expect(await storedCycle(host.id)).toBe('24h');
  });

  it('needs a signed-in host', async () => {
    signInAs(null);
    expect(await setClockPreferenceAction({ hourCycle: '24h' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('the default clock', () => {
  it('follows the locale the host signed up with: en-GB reads 24-hour, en-US 12-hour', async () => {
    const signUp = async (locale: string) => {
      const suffix = uniqueSuffix();
      const input = { name: 'Clock Host', email: `clock-${suffix}@example.test`, username: `clock-${suffix}`, password: 'a long enough password', timeZone: 'Europe/London' };
      return signUpHost(database(), input, { client: `clock-${suffix}`, now: Date.now(), locale });
    };
    const british = await signUp('en-GB');
    const american = await signUp('en-US');
    expect((await findHostSummary(database(), british.id))?.hourCycle).toBe('24h');
    expect(await findHostSettings(database(), british.id)).toMatchObject({ hourCycle: 'auto', automaticHourCycle: '24h' });
    expect((await findHostSummary(database(), american.id))?.hourCycle).toBe('12h');
  });
});

describe('the host’s booking email', () => {
  it('reads the time on the host’s 24-hour clock, while the invitee’s email keeps its own', async () => {
    const { host, meetingType } = await createBookableHost(database(), { name: 'Intro call' }, { timeZone: 'Europe/London', hourCycle: '24h' });
    const invitee = inviteeFor(meetingType.id, MONDAY_2PM_LONDON, { timezone: 'America/New_York' });
    const { status, body } = await book(invitee);
    expect(status).toBe(201);
    await settleDispatches();
    const mail = await database()
      .select()
      .from(emailNotifications)
      .where(and(eq(emailNotifications.bookingId, body.booking.id), eq(emailNotifications.notificationType, 'confirmation')));
    const toHost = mail.find((m) => m.recipientEmail === host.email)!;
    const toInvitee = mail.find((m) => m.recipientEmail === invitee.email)!;
    expect(toHost.subject).toMatch(/, Mon, Jan 11, 14:00$/);
    expect(toHost.textBody).toContain('Monday, January 11, 2027 · 14:00 – 14:30');
    expect(toInvitee.textBody).toContain('Monday, January 11, 2027 · 9:00 AM – 9:30 AM');
  });
});
