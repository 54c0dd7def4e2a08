import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { heapGrowth } from '@/tests/setup/heap';
import { buildReply, forgetRepliesForTests, rememberReply, replyCacheUsage } from './reply-cache';
import { SlotList } from './slot-list';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 9);

function reply(slotCount: number) {
  const slots = SlotList.fromPairs(Array.from({ length: slotCount }, (_, i) => [start + i * HOUR, start + i * HOUR + HOUR / 2] as const));
  const id = '7f9c0c9e-1111-4222-8333-944445555666';
  return buildReply({ hostUserId: id, version: 1, head: { meetingTypeId: id, timezone: 'Europe/Berlin' }, policy: null, range: { start, end: start + 86_400_000 }, coveredUntil: start, windowDays: 60, slots, shown: slots });
}

describe('availability reply cache: byte estimates', () => {
  beforeAll(() => {
    process.env.AVAILABILITY_REPLY_CACHE_MAX_BYTES = String(1024 ** 3);
    resetEnvForTests();
    forgetRepliesForTests();
  });
  afterAll(() => {
    delete process.env.AVAILABILITY_REPLY_CACHE_MAX_BYTES;
    resetEnvForTests();
    forgetRepliesForTests();
  });

  it.each([0, 2, 400])('weighs replies of %i slots at no less than the heap they take (so the budget bounds the process)', async (slotCount) => {
    forgetRepliesForTests();
    const count = slotCount > 100 ? 500 : 10_000;
    const grown = await heapGrowth(async () => {
      for (let i = 0; i < count; i++) rememberReply(`?meetingTypeId=7f9c0c9e-1111-4222-8333-944445555666&start=2026-12-09&end=2027-01-08&timezone=Europe/Berlin&n=${i}`, reply(slotCount), 600);
    });
    const { bytes } = replyCacheUsage();
    expect(bytes).toBeGreaterThan(0);
    expect(grown / bytes).toBeLessThan(1.15);
    expect(grown / bytes).toBeGreaterThan(0.5);
  });
});
