import { exportHostData } from '@/lib/accounts/export-data';
import { hostRoute } from '@/lib/actions/host-route';

// "Download my data" (settings): the signed-in host's data as a JSON file.
export const GET = hostRoute(async (_request, _params, ctx) => {
  const data = await exportHostData(ctx);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="rendezvous-export-${day}.json"`,
      'cache-control': 'private, no-store',
    },
  });
});
