import 'server-only';
import { and, eq } from 'drizzle-orm';
import { calendarConnections } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { stopConnectionWatches } from './push/watch-lifecycle';
import { type OAuthProvider, providerConfig } from './provider-config';
import { openToken, refreshTokenContext } from './token-vault';
import { log } from '@/lib/log';

// Disconnect: stop push channels, revoke the grant at the provider (Google; Microsoft has no
// per-token revocation), then delete the row — its tokens, calendars and busy time go with it,
// through the host write seam so slots free up at once. Provider failures never keep the tokens.

export async function disconnectConnection(ctx: HostContext, input: { connectionId: string }): Promise<void> {
  const hostUserId = ctx.actor.userId;
  const { connectionId } = input;
  const [connection] = await ctx.database
    .select()
    .from(calendarConnections)
    .where(and(eq(calendarConnections.id, connectionId), eq(calendarConnections.userId, hostUserId)));
  if (!connection) throw notFound('Calendar connection');
  if (connection.provider !== 'ics') {
    await stopConnectionWatches(ctx, connectionId).catch((error: unknown) => log().warn({ connectionId, error: String(error) }, 'stopping calendar channels failed'));
    const config = providerConfig(connection.provider as OAuthProvider);
    if (config?.revocationEndpoint && connection.refreshTokenEncrypted) {
      try {
        await config.client.revokeToken(config.revocationEndpoint, openToken(connection.refreshTokenEncrypted, refreshTokenContext(connection.id)));
      } catch (error) {
        log().warn({ connectionId, error: String(error) }, 'token revocation failed; the tokens are deleted anyway');
      }
    }
  }
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    await tx.delete(calendarConnections).where(and(eq(calendarConnections.id, connectionId), eq(calendarConnections.userId, hostUserId)));
  });
}
