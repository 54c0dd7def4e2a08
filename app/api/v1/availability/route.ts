import { db, readDb } from '@/db/client';
import { answerAvailability } from '@/lib/availability';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { env } from '@/lib/env';
import { etagMatches, jsonBytes, notModified, route } from '@/lib/http';

// Free slots whose start falls between `start` 00:00 and `end` 24:00 in the invitee's zone. A shared
// cache (CDN) may serve a reply for a few seconds: booking re-validates, so only what is shown can lag.
export const GET = route(async (request) => {
  await enforceRateLimit(request, 'availability');
  const queryAt = request.url.indexOf('?');
  const search = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  const { body, etag } = await answerAvailability({ database: db(), replica: readDb(), store: cacheStore() }, search, Date.now());
  const shared = env().AVAILABILITY_SHARED_CACHE_SECONDS;
  const headers = {
    etag,
    'cache-control': shared > 0 ? `public, max-age=0, s-maxage=${shared}, stale-while-revalidate=${3 * shared}` : 'no-cache',
  };
  return etagMatches(request, etag) ? notModified(headers) : jsonBytes(body, 200, headers);
});
