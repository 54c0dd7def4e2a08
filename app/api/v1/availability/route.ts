import { answerAvailability, answerRescheduleAvailability, availabilityDeps, splitRescheduleToken } from '@/lib/availability';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { env } from '@/lib/env';
import { etagMatches, jsonBytes, notModified, route } from '@/lib/http';

// Free slots whose start falls between `start` 00:00 and `end` 24:00 in the invitee's zone. A shared
// cache (CDN) may serve a reply for a few seconds: booking re-validates, so only what is shown can lag.
// With `rescheduleToken` the booking it opens counts as free, and no cache may keep the reply (its
// headers depend only on the parameter being present, never on whether the token is valid).
export const GET = route(async (request) => {
  await enforceRateLimit(request, 'availability');
  const queryAt = request.url.indexOf('?');
  const raw = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  const deps = availabilityDeps();
  const { search, rescheduleToken } = raw.includes('rescheduleToken') ? splitRescheduleToken(raw) : { search: raw, rescheduleToken: null };
  const { body, etag } =
    rescheduleToken === null ? await answerAvailability(deps, search, Date.now()) : await answerRescheduleAvailability(deps, search, rescheduleToken, Date.now());
  const shared = env().AVAILABILITY_SHARED_CACHE_SECONDS;
  const caching = rescheduleToken !== null ? 'private, no-store' : shared > 0 ? `public, max-age=0, s-maxage=${shared}, stale-while-revalidate=${3 * shared}` : 'no-cache';
  const headers = { etag, 'cache-control': caching };
  return etagMatches(request, etag) ? notModified(headers) : jsonBytes(body, 200, headers);
});
