import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarConnections, emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { freshAccessToken } from '@/lib/calendars/access-token';
import { completeConnect } from '@/lib/calendars/connect';
import { disconnectConnection } from '@/lib/calendars/disconnect';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { accessTokenContext, openToken, refreshTokenContext } from '@/lib/calendars/token-vault';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createHost } from '../factories';
import { busyRows, calendarRows, connect, connectionRow, consent, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { hostContext } from '@/lib/hosts/host-write';
import { connectTestDatabase } from './db-helpers';

// Connecting a Google account through the fake: consent (state, PKCE, offline access), sealed tokens,
// refresh (one at a time), invalid_grant → reauth_required with one email event, disconnect.

const database = connectTestDatabase();
/** The verb context of a signed-in host, as hostRoute builds it. */
const asHost = (hostUserId: string) => hostContext(depsFor(database), hostUserId);
let fake: GoogleFake;

beforeAll(async () => {
  fake = await startGoogleFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  useProviderFake('google', fake);
  recordSyncRequests();
});

describe('connecting Google Calendar', () => {
  it('asks for offline access and the calendar scopes with a signed state and a PKCE S256 challenge', async () => {
    const host = await createHost(database);
    const { url } = await consent(database, 'google', host.id);
    expect(url.origin + url.pathname).toBe(`${fake.origin}/o/oauth2/v2/auth`);
    const query = fake.auth.lastAuthorization!;
    expect(query.get('access_type')).toBe('offline');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.freebusy', 'https://www.googleapis.com/auth/calendar.calendarlist.readonly']),
    );
    expect(query.get('redirect_uri')).toMatch(/\/api\/integrations\/google\/callback$/);
    expect(query.get('state')).toMatch(/^[\w-]{43}\.[\w-]{43}$/);
  });

  it('stores the tokens sealed to their row and lists the account’s calendars', async () => {
    const host = await createHost(database);
    fake.store.addCalendar({ id: `team-${host.id}@group.calendar.google.com`, summary: 'Team', accessRole: 'reader' });
    const connectionId = await connect(database, 'google', host.id);
    const row = (await connectionRow(database, connectionId))!;
    expect(row).toMatchObject({ provider: 'google', accountEmail: fake.store.accountEmail, status: 'active' });
    expect(row.accessTokenEncrypted).toMatch(/^v1\.t1\./);
    expect(row.accessTokenEncrypted).not.toContain('at-');
    expect(openToken(row.accessTokenEncrypted!, accessTokenContext(row.id))).toMatch(/^at-/);
    expect(openToken(row.refreshTokenEncrypted!, refreshTokenContext(row.id))).toMatch(/^rt-/);
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    const calendars = await calendarRows(database, connectionId);
    const primary = calendars.find((c) => c.isPrimary);
    expect(primary).toMatchObject({ externalId: fake.store.accountEmail, blocksTime: true, receivesEvents: true });
    expect(calendars.find((c) => c.name === 'Team')).toMatchObject({ blocksTime: false, receivesEvents: false });
    // Never in Auth.js's accounts table.
    const accounts = await database.execute(sql`select 1 from accounts where user_id = ${host.id}`);
    expect(accounts.length).toBe(0);
  });

  it('uses a state once, and refuses it for another host or after tampering', async () => {
    const host = await createHost(database);
    const stranger = await createHost(database);
    const first = await consent(database, 'google', host.id);
    const callback = { provider: 'google' as const, code: first.code, state: first.state };
    await expect(completeConnect(asHost(stranger.id), callback)).rejects.toMatchObject({ code: 'invalid_request' });
    const tampered = `${first.state.slice(0, -2)}xx`;
    await expect(completeConnect(asHost(host.id), { ...callback, state: tampered })).rejects.toMatchObject({ code: 'invalid_request' });
    await completeConnect(asHost(host.id), callback);
    await expect(completeConnect(asHost(host.id), callback)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a state past its 10 minutes', async () => {
    const host = await createHost(database);
    const attempt = await consent(database, 'google', host.id);
    const later = hostContext(depsFor(database), host.id, Date.now() + 11 * 60 * 1000);
    await expect(completeConnect(later, { provider: 'google', code: attempt.code, state: attempt.state })).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('token lifecycle', () => {
  it('refreshes shortly before expiry, once for many concurrent callers', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'google', host.id);
    await database.update(calendarConnections).set({ expiresAt: new Date(Date.now() + 60_000) }).where(eq(calendarConnections.id, connectionId));
    const before = fake.auth.refreshCount;
    fake.auth.tokenDelayMs = 150;
    try {
      const tokens = await Promise.all(Array.from({ length: 5 }, () => freshAccessToken(depsFor(database), connectionId)));
      expect(new Set(tokens).size).toBe(1);
      expect(fake.auth.isValidAccessToken(tokens[0]!)).toBe(true);
    } finally {
      fake.auth.tokenDelayMs = 0;
    }
    expect(fake.auth.refreshCount - before).toBe(1);
    expect((await connectionRow(database, connectionId))!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
  });

  it('turns invalid_grant into reauth_required, emails once, and keeps the last busy time', async () => {
    const isolated = await startGoogleFake();
    useProviderFake('google', isolated);
    try {
      const host = await createHost(database);
      await isolated.addEvent({ start: { dateTime: '2027-01-11T15:00:00Z' }, end: { dateTime: '2027-01-11T16:00:00Z' } });
      const connectionId = await connect(database, 'google', host.id);
      expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
      expect(await busyRows(database, connectionId)).toHaveLength(1);

      isolated.auth.revokeAllGrants();
      await database.update(calendarConnections).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(calendarConnections.id, connectionId));
      expect(await syncConnection(depsFor(database), connectionId)).toBe('reauth_required');
      expect(await syncConnection(depsFor(database), connectionId)).toBe('skipped');
      await expect(freshAccessToken(depsFor(database), connectionId)).rejects.toThrow(/reconnect/);

      expect((await connectionRow(database, connectionId))!.status).toBe('reauth_required');
      const events = await database.select().from(outbox).where(sql`${outbox.payload}->>'connectionId' = ${connectionId}`);
      expect(events.map((e) => e.eventName)).toEqual(['calendar/reauth-required']);
      expect(events[0]!.payload).toMatchObject({ hostUserId: host.id, provider: 'google', accountEmail: isolated.store.accountEmail });
      expect(await busyRows(database, connectionId)).toHaveLength(1);

      // The job sends the host one email, however often the event is delivered.
      const event = { id: events[0]!.id, name: 'calendar/reauth-required' as const, data: events[0]!.payload as never, ts: events[0]!.createdAt.getTime() };
      await inlineSink.deliver(event);
      await inlineSink.deliver(event);
      const mails = await database.select().from(emailNotifications).where(and(eq(emailNotifications.recipientEmail, host.email), eq(emailNotifications.notificationType, 'calendar_reauth')));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Reconnect Google Calendar to Rendezvous');
      expect(mails[0]!.textBody).toContain('/dashboard/integrations');

      // Reconnecting the same account makes it active again, with new tokens.
      expect(await connect(database, 'google', host.id)).toBe(connectionId);
      expect((await connectionRow(database, connectionId))!.status).toBe('active');
    } finally {
      await isolated.close();
      useProviderFake('google', fake);
    }
  });
});

describe('disconnecting', () => {
  it('revokes the grant at Google and deletes the tokens, calendars and busy time', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'google', host.id);
    const row = (await connectionRow(database, connectionId))!;
    const refreshToken = openToken(row.refreshTokenEncrypted!, refreshTokenContext(row.id));
    await disconnectConnection(hostContext(depsFor(database), host.id), { connectionId });
    expect(fake.auth.revoked).toContain(refreshToken);
    expect(await connectionRow(database, connectionId)).toBeUndefined();
    expect(await calendarRows(database, connectionId)).toEqual([]);
  });

  it('answers another host with 404 and keeps the connection', async () => {
    const host = await createHost(database);
    const stranger = await createHost(database);
    const connectionId = await connect(database, 'google', host.id);
    await expect(disconnectConnection(hostContext(depsFor(database), stranger.id), { connectionId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await connectionRow(database, connectionId)).toBeDefined();
  });
});
