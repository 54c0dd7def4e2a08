import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBookableHost } from '../factories';
import { book, cancel, fetchAvailability, lookupBooking, reschedule } from './api';
import { connectTestDatabase } from './db-helpers';

// "A 500 on user input is a bug": throw arbitrary and near-valid input at every public endpoint.

const database = connectTestDatabase();
const clientErrors = [400, 404, 409, 413, 415, 422];

const junk = fc.oneof(
  fc.string(),
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
        name: junk,
        email: fc.oneof(fc.emailAddress(), junk),
        timezone: junk,
        notes: junk,
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
    const dates = fc.oneof(fc.constantFrom('2027-01-11', '2027-02-29', '0000-01-01', '9999-12-31', '2027-13-01'), fc.string());
    const query = fc.record(
      { meetingTypeId: fc.oneof(fc.constant(meetingType.id), fc.string()), start: dates, end: dates, timezone: fc.oneof(fc.string(), fc.constantFrom('UTC', 'Asia/Kathmandu', 'Mars/Base')) },
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

  it('booking lookups, cancels and reschedules with arbitrary ids, tokens and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string()), fc.option(fc.string()), junk, async (id, token, start) => {
        const safeId = encodeURIComponent(id);
        expect(clientErrors).toContain((await lookupBooking(safeId, token)).status);
        expect(clientErrors).toContain((await cancel(safeId, { token, reason: start })).status);
        expect(clientErrors).toContain((await reschedule(safeId, { token, start })).status);
      }),
      { numRuns: 60 },
    );
  });
});
