import { readDb } from '@/db/client';
import { availabilityQuerySchema, getAvailableSlots } from '@/lib/availability';
import { availabilityReplyBody } from '@/lib/availability/reply-body';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { jsonBytes, memoizedQueryParser, route } from '@/lib/http';
import { localDateRangeToInterval } from '@/lib/scheduling';

const parseAvailabilityQuery = memoizedQueryParser(availabilityQuerySchema);

// Free slots whose start falls between `start` 00:00 and `end` 24:00 in the invitee's zone.
export const GET = route(async (request) => {
  const query = parseAvailabilityQuery(request);
  await enforceRateLimit(request, 'availability');
  const range = localDateRangeToInterval(query.start, query.end, query.timezone);
  const slots = await getAvailableSlots(readDb(), cacheStore(), {
    meetingTypeId: query.meetingTypeId,
    range,
    now: Date.now(),
  });
  return jsonBytes(availabilityReplyBody({ meetingTypeId: query.meetingTypeId, timezone: query.timezone }, slots));
});
