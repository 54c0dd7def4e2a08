import { hostRoute } from '@/lib/actions/host-route';
import { connectCallback } from '@/lib/calendars/http-handlers';

export const GET = hostRoute((request, _params, ctx) => connectCallback(ctx, { request, provider: 'microsoft' }));
