import type { HostContext } from '@/lib/hosts/host-write';
import type { BookingAccess } from './find-booking';

/** The host's own access to a booking, from the verb context's actor (never from the request). */
export function hostAccess(ctx: HostContext): BookingAccess {
  return { kind: 'host', userId: ctx.actor.userId };
}
