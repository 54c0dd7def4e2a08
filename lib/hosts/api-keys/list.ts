import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type ApiKeyScope, apiKeys } from '@/db/schema';

/** A key as the host's list shows it: never the key, only its first characters. */
export interface ApiKeyView {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiKeyViewColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** The host's keys, newest first, revoked ones included (they say when). */
export async function listApiKeys(database: Queryable, hostUserId: string): Promise<ApiKeyView[]> {
  return database.select(apiKeyViewColumns).from(apiKeys).where(eq(apiKeys.userId, hostUserId)).orderBy(desc(apiKeys.createdAt));
}
