import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { availabilityRules, meetingTypes, users } from '@/db/schema';
import { hostAdapter } from '@/lib/auth/host-adapter';
import { verifyPasswordSignIn } from '@/lib/auth/password-sign-in';
import { clientAddressOf } from '@/lib/client-address';
import { signUpHost, signUpSchema } from '@/lib/hosts/accounts/sign-up';
import { uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

const database = connectTestDatabase();

const setEnv = setTestEnv;

afterEach(() =>
  setEnv({
    SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_CLIENT: undefined,
    SIGN_IN_ATTEMPTS_PER_CLIENT: undefined,
    SIGN_IN_FAILURES_BEFORE_DELAY: undefined,
    SIGN_IN_DELAY_MAX_SECONDS: undefined,
    RATE_LIMIT_SIGN_UPS_PER_HOUR: undefined,
  }),
);

function newHost(overrides: Record<string, string> = {}) {
  const suffix = uniqueSuffix();
  return signUpSchema.parse({
    name: `Ann ${suffix}`,
    email: `Ann.${suffix}@Example.test`,
    username: `ann-${suffix}`,
    password: 'correct horse battery',
    timeZone: 'europe/berlin',
    ...overrides,
  });
}

const context = (client = `198.51.100.${Math.floor(Math.random() * 250)}`) => ({ client, now: Date.now() });

describe('sign-up', () => {
  it('creates the host with a lower-case email, a canonical zone, an argon2id hash, weekday hours and a 30 minute meeting to start from', async () => {
    const input = newHost();
    const { id } = await signUpHost(database, input, context());
    const [row] = await database.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: input.email, timeZone: 'Europe/Berlin', username: input.username });
    expect(row?.email).toBe(row?.email.toLowerCase());
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const rules = await database.select().from(availabilityRules).where(eq(availabilityRules.userId, id));
    expect(rules.map((r) => r.dayOfWeek).sort()).toEqual([1, 2, 3, 4, 5]);
    const types = await database.select().from(meetingTypes).where(eq(meetingTypes.userId, id));
    expect(types).toEqual([expect.objectContaining({ name: '30 minute meeting', slug: '30min', durationMinutes: 30, isActive: true, deletedAt: null })]);
  });

  it('never merges into an existing (verified) account: the same email in any letter case is refused', async () => {
    const input = newHost();
    const { id } = await signUpHost(database, input, context());
    await database.update(users).set({ emailVerified: new Date() }).where(eq(users.id, id));
    const again = newHost({ email: input.email.toUpperCase() });
    await expect(signUpHost(database, again, context())).rejects.toMatchObject({ code: 'conflict', details: { fieldErrors: { email: expect.any(String) } } });
    expect(await database.select().from(users).where(eq(users.email, input.email))).toHaveLength(1);
  });

  it('refuses a taken username with a field error, and reserved or malformed ones at validation', async () => {
    const first = newHost();
    await signUpHost(database, first, context());
    await expect(signUpHost(database, newHost({ username: first.username }), context())).rejects.toMatchObject({
      details: { fieldErrors: { username: expect.any(String) } },
    });
    for (const username of ['dashboard', 'signup', 'api', 'a', '-bad-', 'no spaces']) {
      expect(signUpSchema.safeParse({ ...newHost(), username }).success).toBe(false);
    }
  });

  it('reports a taken email and a taken username at once, so one submit shows both', async () => {
    const input = newHost();
    const { id } = await signUpHost(database, input, context());
    await database.update(users).set({ emailVerified: new Date() }).where(eq(users.id, id));
    await expect(signUpHost(database, newHost({ email: input.email, username: input.username }), context())).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { email: 'An account with this email already exists.', username: 'That username is taken; pick another.' } },
    });
  });

  it('limits sign-up attempts per client, so a refusal cannot enumerate accounts at scale', async () => {
    setEnv({ RATE_LIMIT_SIGN_UPS_PER_HOUR: '2' });
    const client = context('203.0.113.77');
    await signUpHost(database, newHost(), client);
    await signUpHost(database, newHost(), client);
    await expect(signUpHost(database, newHost(), client)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('password sign-in', () => {
  async function registered() {
    const input = newHost();
    const { id } = await signUpHost(database, input, context());
    return { ...input, id };
  }

  it('signs in with the right password, in any letter case of the email', async () => {
    const host = await registered();
    const result = await verifyPasswordSignIn(database, { email: host.email.toUpperCase(), password: host.password, client: '192.0.2.1', now: Date.now() });
    expect(result).toMatchObject({ ok: true, host: { id: host.id, sessionVersion: 0 } });
  });

  it('answers a wrong password and an unknown email the same, in about the same time', async () => {
    const host = await registered();
    const timed = async (email: string, password: string) => {
      const started = performance.now();
      const result = await verifyPasswordSignIn(database, { email, password, client: '192.0.2.2', now: Date.now() });
      return { result, ms: performance.now() - started };
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await timed(host.email, 'wrong password!');
      const b = await timed(`nobody-${uniqueSuffix()}@example.test`, 'wrong password!');
      expect(a.result).toEqual(b.result);
      expect(a.result).toEqual({ ok: false, reason: 'invalid' });
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[1]!;
    // Both run one argon2id verification; without the dummy hash an unknown email would answer ~50× faster.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.4);
    expect(median(unknown) / median(wrong)).toBeLessThan(2.5);
  });

  it('holds a place for each attempt while checking: of 20 parallel guesses from one client, only 10 reach the password check', async () => {
    const host = await registered();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => verifyPasswordSignIn(database, { email: host.email, password: `guess ${i}`, client: '192.0.2.50', now: Date.now() })),
    );
    expect(guesses.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(guesses.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(10);
  });

  it('does not let a stranger lock the host out: failures from one client leave another client free', async () => {
    const host = await registered();
    for (let i = 0; i < 12; i++) await verifyPasswordSignIn(database, { email: host.email, password: 'stranger', client: '198.51.100.66', now: Date.now() });
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '198.51.100.67', now: Date.now() })).toMatchObject({ ok: true });
  });

  it('does not count successful sign-ins: a host who signs in often is never throttled, and a later typo is just a typo', async () => {
    const host = await registered();
    for (let i = 0; i < 15; i++) {
      expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '192.0.2.60', now: Date.now() }), `sign-in ${i + 1}`).toMatchObject({ ok: true });
    }
    expect(await verifyPasswordSignIn(database, { email: host.email, password: 'typo typo typo', client: '192.0.2.60', now: Date.now() })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('ten clients × ten wrong guesses do not lock the owner out: their usual client gets in at once, a new one after the capped delay', async () => {
    const host = await registered();
    const start = Date.now();
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '192.0.2.200', now: start })).toMatchObject({ ok: true });
    let now = start;
    for (let client = 0; client < 10; client++) {
      for (let guess = 0; guess < 10; guess++) {
        now += 1_000;
        await verifyPasswordSignIn(database, { email: host.email, password: `guess ${client}/${guess}`, client: `198.51.100.${client + 1}`, now });
      }
    }
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '192.0.2.200', now })).toMatchObject({ ok: true });
    const elsewhere = await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '192.0.2.201', now });
    expect(elsewhere).toMatchObject({ ok: false, reason: 'throttled' });
    const wait = elsewhere.ok || elsewhere.reason !== 'throttled' ? 0 : elsewhere.retryAfterSeconds;
    expect(wait).toBeLessThanOrEqual(300);
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '192.0.2.201', now: now + wait * 1000 })).toMatchObject({ ok: true });
  });

  it('slows strangers down progressively: past the free failures each wait doubles from 1 s, up to the cap', async () => {
    setEnv({ SIGN_IN_FAILURES_BEFORE_DELAY: '3', SIGN_IN_DELAY_MAX_SECONDS: '8' });
    const host = await registered();
    let now = Date.now();
    const attempt = (client: string) => verifyPasswordSignIn(database, { email: host.email, password: 'nope nope nope', client, now });
    for (let i = 0; i < 3; i++) expect(await attempt(`192.0.2.${10 + i}`)).toEqual({ ok: false, reason: 'invalid' });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = await attempt(`192.0.2.${20 + i}`);
      if (refused.ok || refused.reason !== 'throttled') throw new Error(`attempt ${i} was not delayed`);
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      expect(await attempt(`192.0.2.${30 + i}`)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(waits).toEqual([1, 2, 4, 8, 8]);
  });

  it('lets one attempt at a time through once an account is being delayed, however many clients try at once', async () => {
    setEnv({ SIGN_IN_FAILURES_BEFORE_DELAY: '2' });
    const host = await registered();
    const now = Date.now();
    for (let i = 0; i < 2; i++) await verifyPasswordSignIn(database, { email: host.email, password: 'nope nope nope', client: `192.0.2.${40 + i}`, now: now - 60_000 });
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => verifyPasswordSignIn(database, { email: host.email, password: `burst ${i}`, client: `203.0.113.${100 + i}`, now })),
    );
    expect(burst.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(1);
  });

  it('counts every address of one IPv6 /64 as one client, and the next /64 apart', async () => {
    const host = await registered();
    const from = (address: string) => clientAddressOf(new Headers({ 'x-forwarded-for': address }));
    const replies = [];
    for (let i = 1; i <= 11; i++) {
      replies.push(await verifyPasswordSignIn(database, { email: host.email, password: 'nope nope nope', client: from(`2001:db8:7:9::${i.toString(16)}`), now: Date.now() }));
    }
    expect(replies.slice(0, 10).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    expect(replies[10]).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await verifyPasswordSignIn(database, { email: host.email, password: 'nope nope nope', client: from('2001:db8:7:a::1'), now: Date.now() })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('slows down a client that fails across many accounts', async () => {
    setEnv({ SIGN_IN_ATTEMPTS_PER_CLIENT: '2' });
    const host = await registered();
    for (let i = 0; i < 2; i++) {
      await verifyPasswordSignIn(database, { email: `nobody-${i}-${uniqueSuffix()}@example.test`, password: 'x', client: '203.0.113.5', now: Date.now() });
    }
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '203.0.113.5', now: Date.now() })).toMatchObject({ reason: 'throttled' });
    expect(await verifyPasswordSignIn(database, { email: host.email, password: host.password, client: '203.0.113.6', now: Date.now() })).toMatchObject({ ok: true });
  });
});

describe('OAuth sign-up through the adapter', () => {
  it('gives every new user a valid, unique, unreserved username', async () => {
    const adapter = hostAdapter(database, { timeZone: 'UTC' });
    const local = `dashboard.${uniqueSuffix()}`;
    const first = await adapter.createUser!({ id: '', email: `${local}@Example.test`, emailVerified: new Date(), name: 'Dash Board' });
    const second = await adapter.createUser!({ id: '', email: `${local}@other.test`, emailVerified: null, name: null });
    const rows = await database.select({ username: users.username }).from(users).where(eq(users.id, first.id));
    const [again] = await database.select({ username: users.username }).from(users).where(eq(users.id, second.id));
    expect(rows[0]?.username).toMatch(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/);
    expect(again?.username).toMatch(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/);
    expect(again?.username).not.toBe(rows[0]?.username);
  });
});
