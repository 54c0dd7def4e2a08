import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { createBookableHost, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

function setCaps(perMeetingType: string, perEmail: string) {
  process.env.RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR = perMeetingType;
  process.env.RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR = perEmail;
  resetEnvForTests();
}

afterEach(() => {
  delete process.env.RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR;
  delete process.env.RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR;
  resetEnvForTests();
});

const hourStarts = (count: number) => Array.from({ length: count }, (_, i) => `2027-01-11T${String(14 + i).padStart(2, '0')}:00:00.000Z`);

describe('hourly booking caps', () => {
  it('refuses the booking over the meeting type cap with 429 and a reason, whoever books', async () => {
    setCaps('3', '0');
    const { meetingType } = await createBookableHost(database);
    const replies = [];
    for (const start of hourStarts(4)) replies.push(await book(inviteeFor(meetingType.id, start)));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(replies[3]!.body.error?.details).toMatchObject({ reason: 'meeting_type_hourly_cap' });
    expect(Number(replies[3]!.headers.get('retry-after'))).toBeGreaterThan(3_000);
  });

  it('refuses the booking over the per-invitee cap, counting the address in any letter case', async () => {
    setCaps('0', '2');
    const { meetingType } = await createBookableHost(database);
    const email = `repeat-${crypto.randomUUID()}@example.test`;
    const statuses = [];
    for (const [i, start] of hourStarts(3).entries()) {
      statuses.push((await book(inviteeFor(meetingType.id, start, { email: i === 1 ? email.toUpperCase() : email }))).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect((await book(inviteeFor(meetingType.id, '2027-01-11T18:00:00.000Z'))).status).toBe(201); // someone else
  });
});
