import { formatShortDate } from '@/components/dashboard/bookings/host-time';
import { formatClock, type HourCycle } from '@/lib/hosts/host-clock';
import type { ApiKeyView } from '@/lib/hosts/api-keys/list';

/** A key as its row shows it: times already on the host's wall clock (the page formats them on the server). */
export interface ApiKeyRow {
  id: string;
  name: string;
  scope: ApiKeyView['scope'];
  prefix: string;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
}

export function apiKeyRows(keys: ApiKeyView[], timeZone: string, hourCycle: HourCycle): ApiKeyRow[] {
  const when = (instant: Date) => `${formatShortDate(instant, timeZone)}, ${formatClock(instant, timeZone, hourCycle)}`;
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    created: when(key.createdAt),
    lastUsed: key.lastUsedAt ? when(key.lastUsedAt) : null,
    revoked: key.revokedAt ? when(key.revokedAt) : null,
  }));
}
