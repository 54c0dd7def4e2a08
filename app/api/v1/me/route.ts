import { apiRoute } from '@/lib/actions/api-route';
import { notFound } from '@/lib/errors';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { json } from '@/lib/http';

// Who the API key acts for.
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const host = await findHostSummary(ctx.database, ctx.actor.userId);
  if (!host) throw notFound('Host');
  return json({ host: { id: host.id, name: host.name, email: host.email, username: host.username, timeZone: host.timeZone } });
});
