import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import type { ProviderCalendar } from './provider-adapter';
import type { OAuthProvider } from './provider-config';
import { accessTokenContext, refreshTokenContext, sealToken } from './token-vault';

// Stores a completed OAuth connection: tokens sealed under the row's own id, the account's calendars
// listed (new ones: the primary blocks time; it also receives events if the host has no receiver yet).
// Connecting the same account again replaces its tokens and makes it active again.

export interface ObtainedTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
}

export async function saveOAuthConnection(
  database: Database,
  input: { hostUserId: string; provider: OAuthProvider; accountEmail: string; tokens: ObtainedTokens; calendars: ProviderCalendar[] },
): Promise<string> {
  const { hostUserId, provider, accountEmail, tokens } = input;
  return database.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: calendarConnections.id })
      .from(calendarConnections)
      .where(and(eq(calendarConnections.userId, hostUserId), eq(calendarConnections.provider, provider), eq(calendarConnections.accountEmail, accountEmail)))
      .for('update');
    const id = existing?.id ?? randomUUID();
    const sealed = {
      accessTokenEncrypted: sealToken(tokens.accessToken, accessTokenContext(id)),
      // Google omits the refresh token on some re-consents: keep the one we have then.
      ...(tokens.refreshToken ? { refreshTokenEncrypted: sealToken(tokens.refreshToken, refreshTokenContext(id)) } : {}),
      expiresAt: tokens.expiresAt,
      scopes: tokens.scopes.join(' '),
      status: 'active' as const,
      lastError: null,
    };
    if (existing) await tx.update(calendarConnections).set(sealed).where(eq(calendarConnections.id, id));
    else await tx.insert(calendarConnections).values({ id, userId: hostUserId, provider, accountEmail, ...sealed });

    const [receiver] = await tx.select({ id: connectedCalendars.id }).from(connectedCalendars).where(and(eq(connectedCalendars.userId, hostUserId), eq(connectedCalendars.receivesEvents, true)));
    for (const calendar of input.calendars.slice(0, 200)) {
      await tx
        .insert(connectedCalendars)
        .values({
          connectionId: id,
          userId: hostUserId,
          externalId: calendar.externalId,
          name: calendar.name,
          isPrimary: calendar.isPrimary,
          blocksTime: calendar.isPrimary,
          receivesEvents: !receiver && calendar.isPrimary && calendar.canWrite,
        })
        .onConflictDoUpdate({ target: [connectedCalendars.connectionId, connectedCalendars.externalId], set: { name: sql`excluded.name`, isPrimary: sql`excluded.is_primary` } });
    }
    return id;
  });
}
