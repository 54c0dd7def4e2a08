import type { Metadata } from 'next';
import styles from '@/components/dashboard/dashboard.module.css';
import { AddFeedForm } from '@/components/dashboard/integrations/add-feed-form';
import { ConnectionCard, connectionLabel, providerLabels } from '@/components/dashboard/integrations/connection-card';
import { ConnectionButton } from '@/components/dashboard/integrations/connection-button';
import pageStyles from '@/components/dashboard/integrations/integrations.module.css';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { listConnections } from '@/lib/calendars/list-connections';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { providerConfig } from '@/lib/calendars/provider-config';
import { addIcsFeedAction, disconnectAction, syncNowAction, updateCalendarAction } from './actions';

export const metadata: Metadata = { title: 'Integrations' };

const problems: Record<string, string> = {
  denied: 'The connection was cancelled at the provider. Nothing was connected.',
  expired: 'That connection attempt expired or was already used. Please start again.',
  failed: 'The provider refused the connection. Please try again.',
};

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const hostUserId = await requireHostForPage('/dashboard/integrations');
  const [connections, host, query] = await Promise.all([listConnections(db(), hostUserId), findHostSummary(db(), hostUserId), searchParams]);
  const clock = { timeZone: host?.timeZone ?? 'UTC', hourCycle: host?.hourCycle ?? '12h' } as const;
  const connected = query.connected === 'google' || query.connected === 'microsoft' ? providerLabels[query.connected] : null;
  const problem = typeof query.error === 'string' ? problems[query.error] : undefined;
  const needReconnect = connections.filter((c) => c.status === 'reauth_required' && c.provider !== 'ics');
  const providers = (['google', 'microsoft'] as const).filter((provider) => providerConfig(provider));
  const stopped = connections.filter((c) => c.status === 'error');
  const actions = { calendar: updateCalendarAction, disconnect: disconnectAction, syncNow: syncNowAction };
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Integrations</h1>
      </div>
      <div className={pageStyles.banners}>
        {needReconnect.map((connection) => (
          <Alert key={connection.id} tone="error" title={`${providerLabels[connection.provider]} needs you to reconnect`}>
            <p>
              Rendezvous can no longer read {connection.accountEmail ?? 'this calendar'}. Until you reconnect, your slots use the busy times last read from it.
            </p>
            <div className={pageStyles.bannerAction}>
              <ButtonLink href={`/api/integrations/${connection.provider}/connect`}>Reconnect {providerLabels[connection.provider]}</ButtonLink>
            </div>
          </Alert>
        ))}
        {stopped.map((connection) => (
          <Alert key={connection.id} tone="error" title={`${connectionLabel(connection)} stopped syncing`}>
            <p>
              It failed for a day{connection.lastError ? ` (${connection.lastError})` : ''}, so Rendezvous stopped trying. Your slots use the busy times last read from it.
            </p>
            <div className={pageStyles.bannerAction}>
              <ConnectionButton connectionId={connection.id} action={syncNowAction} ariaLabel={`Try again: ${connectionLabel(connection)}`} pendingText="Trying…" variant="primary">
                Try again
              </ConnectionButton>
            </div>
          </Alert>
        ))}
        {connected ? <Alert tone="success">{connected} connected. Its events now block time.</Alert> : null}
        {problem ? <Alert tone="error">{problem}</Alert> : null}
      </div>
      <div className={styles.sections}>
        <section aria-labelledby="connect-title" className={styles.section}>
          <h2 id="connect-title" className={styles.sectionTitle}>
            Calendars
          </h2>
          <p className="muted">Events on the calendars you choose block your slots, and new bookings are added to the calendar that receives events.</p>
          {providers.length > 0 ? (
            <div className={pageStyles.connectButtons}>
              {providers.includes('google') ? <ButtonLink href="/api/integrations/google/connect">Connect Google Calendar</ButtonLink> : null}
              {providers.includes('microsoft') ? <ButtonLink href="/api/integrations/microsoft/connect">Connect Microsoft 365</ButtonLink> : null}
            </div>
          ) : (
            <p className="muted">Google and Microsoft calendars are not configured on this server.</p>
          )}
        </section>
        {connections.map((connection) => (
          <ConnectionCard key={connection.id} connection={connection} actions={actions} clock={clock} />
        ))}
        <section aria-labelledby="feed-title" className={styles.section}>
          <h2 id="feed-title" className={styles.sectionTitle}>
            Add an ICS feed
          </h2>
          <p className="muted">Any calendar that publishes an iCalendar address can block time; it is read every few minutes.</p>
          <AddFeedForm action={addIcsFeedAction} />
        </section>
      </div>
    </>
  );
}
