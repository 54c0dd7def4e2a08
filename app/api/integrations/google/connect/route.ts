import { hostRoute } from '@/lib/actions/host-route';
import { connectRedirect } from '@/lib/calendars/http-handlers';

export const GET = hostRoute((_request, _params, ctx) => connectRedirect(ctx, { provider: 'google' }));
