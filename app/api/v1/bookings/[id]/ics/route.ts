import { db } from '@/lib/database';
import { findInviteFile } from '@/lib/booking';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { route } from '@/lib/http';

// The booking as an iCalendar file, for the invitee holding one of its links.
export const GET = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const token = new URL(request.url).searchParams.get('token');
  const file = await findInviteFile(db(), id, token);
  return new Response(file.body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  });
});
