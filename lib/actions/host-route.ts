import 'server-only';
import type { HostContext } from '@/lib/hosts/host-write';
import { route } from '@/lib/http';
import { signedInHostContext } from './signed-in-context';

/** route() for handlers only a signed-in host may call: 401 before the handler runs otherwise; the handler gets the verb context. */
export function hostRoute<P = Record<string, never>>(handler: (request: Request, params: P, ctx: HostContext) => Promise<Response>) {
  return route<P>(async (request, params) => handler(request, params, await signedInHostContext()));
}
