import 'server-only';
import { requireHost } from '@/lib/auth/current-host';
import { route } from '@/lib/http';

/** route() for handlers only a signed-in host may call: 401 before the handler runs otherwise. */
export function hostRoute<P = Record<string, never>>(handler: (request: Request, params: P, hostUserId: string) => Promise<Response>) {
  return route<P>(async (request, params) => handler(request, params, await requireHost()));
}
