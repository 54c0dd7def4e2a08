import { answerHostRescheduleAvailability } from '@/lib/availability';
import { hostRoute } from '@/lib/actions/host-route';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { jsonBytes } from '@/lib/http';

// The times the host may move their own booking to (the dashboard's reschedule picker): the same
// query and reply as /api/v1/availability, with this booking counted as free. About one booking, so never cached.
export const GET = hostRoute(async (request, { id }: { id: string }, ctx) => {
  await enforceRateLimit(request, 'availability');
  const search = new URL(request.url).search.slice(1);
  const { body, etag } = await answerHostRescheduleAvailability(ctx, search, { hostUserId: ctx.actor.userId, bookingId: id }, ctx.now);
  return jsonBytes(body, 200, { etag, 'cache-control': 'private, no-store' });
});
