import { apiRoute } from '@/lib/actions/api-route';
import { hostBookingReply } from '@/lib/hosts/bookings/api-view';
import { json } from '@/lib/http';

// One booking as its host sees it (tracking included). Another host's booking is a 404, like an unknown id.
export const GET = apiRoute<{ id: string }>('read', async (_request, { id }, ctx) => json({ booking: await hostBookingReply(ctx, id) }));
