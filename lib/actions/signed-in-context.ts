import 'server-only';
import { db } from '@/lib/database';
import { requireHost } from '@/lib/auth/current-host';
import { cacheStore } from '@/lib/cache';
import { type HostContext, hostContext } from '@/lib/hosts/host-write';

/**
 * The verb context of a signed-in request, built in this one place for hostAction and hostRoute: the
 * process's pools and cache, the session's host as the actor, and the request's clock. Throws 401 first.
 */
export async function signedInHostContext(): Promise<HostContext> {
  return hostContext({ database: db(), store: cacheStore() }, await requireHost());
}
