import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccountToken } from '@/lib/hosts/accounts/account-tokens';
import { cacheStore } from '@/lib/cache';
import { confirmEmailAddress } from '@/lib/hosts/accounts/email-verification';
import { resetPassword, resetPasswordSchema } from '@/lib/hosts/accounts/password-reset';
import { findOneTimeLink } from '@/lib/booking/one-time-links/find-link';
import { createBookableHost } from '../factories';
import { book, cancel, declineNewTime, downloadCalendarFile, fetchAvailability, lookupBooking, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// "A 500 on user input is a bug": throw arbitrary and near-valid input at every public endpoint.

const database = connectTestDatabase();
const clientErrors = [400, 404, 409, 413, 415, 422];

// All of Unicode: controls, NUL, bidi overrides, lone surrogates; and near-valid text with one of them inside.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.string(), fc.constantFrom('\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ud800', '\udfff', '\t', '\n', '\r'), fc.string())
    .map((parts) => parts.join('')),
);

/** What a URL can carry: any text without lone surrogates (encodeURIComponent refuses those). */
const urlText = anyText.filter((text) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
});

const junk = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2027-01-11T15:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '2027-02-30T10:00:00Z', '+275760-09-13T00:00:00Z'),
  fc.constantFrom('UTC', 'America/New_York', 'Etc/GMT+14', 'Pacific/Kiritimati', '../../etc', 'x'.repeat(300)),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

describe('no user input produces a 500', () => {
  it('POST /api/v1/bookings with arbitrary and near-valid bodies', async () => {
    const { meetingType } = await createBookableHost(database);
    const body = fc.record(
      {
        meetingTypeId: fc.oneof(fc.constant(meetingType.id), junk),
        start: junk,
        name: fc.oneof(anyText, junk),
        email: fc.oneof(fc.emailAddress(), junk),
        timezone: fc.oneof(anyText, junk),
        notes: fc.oneof(anyText, junk),
        oneTimeLinkToken: fc.oneof(anyText, junk),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const reply = await book(input);
        expect([201, ...clientErrors]).toContain(reply.status);
        if (reply.status !== 201) expect(reply.body.error?.code).toEqual(expect.any(String));
      }),
      { numRuns: 150 },
    );
  });

  it('GET /api/v1/availability with arbitrary query parameters', async () => {
    const { meetingType } = await createBookableHost(database);
    const dates = fc.oneof(fc.constantFrom('2027-01-11', '2027-02-29', '0000-01-01', '9999-12-31', '2027-13-01', '1970-01-01', '2199-12-31'), anyText);
    const query = fc.record(
      { meetingTypeId: fc.oneof(fc.constant(meetingType.id), urlText), start: dates, end: dates, timezone: fc.oneof(anyText, fc.constantFrom('UTC', 'asia/KATHMANDU', 'Mars/Base')) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const reply = await fetchAvailability(params);
        expect([200, ...clientErrors]).toContain(reply.status);
      }),
      { numRuns: 150 },
    );
  });

  it('booking lookups, calendar files, cancels, reschedules and declines with arbitrary ids, tokens and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), urlText), fc.option(urlText), junk, async (id, token, start) => {
        const safeId = encodeURIComponent(id);
        expect(clientErrors).toContain((await lookupBooking(safeId, token)).status);
        expect(clientErrors).toContain((await downloadCalendarFile(safeId, token)).status);
        expect(clientErrors).toContain((await cancel(safeId, { token, reason: start })).status);
        expect(clientErrors).toContain((await reschedule(safeId, { token, start })).status);
        expect(clientErrors).toContain((await declineNewTime(safeId, { token, reason: start })).status);
      }),
      { numRuns: 60 },
    );
  });

  it('cancels with a valid link and any reason: a 200 or a 400, never a 500, and a refused one changes nothing', async () => {
    const { meetingType } = await createBookableHost(database);
    let hour = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, junk), async (reason) => {
        const start = new Date(Date.parse('2027-01-11T14:00:00Z') + hour++ * 86_400_000 * 7).toISOString();
        const { body } = await book({ meetingTypeId: meetingType.id, start, name: 'Fuzz', email: `fuzz-${hour}@example.test`, timezone: 'UTC' });
        const reply = await cancel(body.booking.id, { token: tokenOf(body.booking.cancelUrl), reason });
        expect([200, 400]).toContain(reply.status);
        if (reply.status === 400) expect((await lookupBooking(body.booking.id, tokenOf(body.booking.cancelUrl))).body.booking.status).toBe('confirmed');
      }),
      // Under the hourly cap of 30 bookings per meeting type.
      { numRuns: 25 },
    );
  });

  it('account links (verify, new address, reset) with any token: "not valid", never an error, nothing used', async () => {
    const deps = { database, store: cacheStore() };
    await fc.assert(
      fc.asyncProperty(junk, async (token) => {
        expect(await confirmEmailAddress(deps, token, new Date())).toEqual({ ok: false, problem: 'invalid' });
        expect(await checkAccountToken(database, ['reset_password'], token, new Date())).toEqual({ ok: false, problem: 'invalid' });
        const reset = resetPasswordSchema.safeParse({ token, password: 'a long enough password' });
        if (reset.success) expect(await resetPassword(database, reset.data, new Date())).toEqual({ ok: false, problem: 'invalid' });
      }),
      { numRuns: 60 },
    );
  });

  it('one-time link pages (/d/{token}) with any token: "not valid", never an error', async () => {
    await fc.assert(
      fc.asyncProperty(urlText, async (token) => {
        expect(await findOneTimeLink(database, token, Date.now())).toEqual({ state: 'invalid' });
      }),
      { numRuns: 60 },
    );
  });
});
