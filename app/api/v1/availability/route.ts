import { readDb } from '@/db/client';
import { availabilityQuerySchema, getAvailableSlots } from '@/lib/availability';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { jsonText, parseQuery, route } from '@/lib/http';
import { localDateRangeToInterval } from '@/lib/scheduling';

// Free slots whose start falls between `start` 00:00 and `end` 24:00 in the invitee's zone.
export const GET = route(async (request) => {
  const query = parseQuery(request, availabilityQuerySchema);
  await enforceRateLimit(request, 'availability');
  const range = localDateRangeToInterval(query.start, query.end, query.timezone);
  const slots = await getAvailableSlots(readDb(), cacheStore(), {
    meetingTypeId: query.meetingTypeId,
    range,
    now: Date.now(),
  });
  // The slot array arrives pre-serialised (see SlotList): a warm reply is one string join.
  const head = JSON.stringify({ meetingTypeId: query.meetingTypeId, timezone: query.timezone }).slice(0, -1);
  return jsonText(`${head},"slots":${slots.toJsonArray()}}`);
});
