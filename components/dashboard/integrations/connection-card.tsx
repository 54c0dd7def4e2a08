import { ButtonLink } from '@/components/ui/button';
import type { ConnectionView } from '@/lib/calendars/list-connections';
import { CalendarChoices, type CalendarAction } from './calendar-choices';
import { ConnectionButton, type ConnectionAction } from './connection-button';
import { healthLines, type HostClock } from './connection-health';
import { DisconnectButton, type DisconnectAction } from './disconnect-button';
import dashboardStyles from '../dashboard.module.css';
import styles from './integrations.module.css';

export const providerLabels = { google: 'Google Calendar', microsoft: 'Microsoft 365', ics: 'ICS feed' } as const;

export type SyncNowAction = ConnectionAction<{ connectionId: string; outcome: string }>;

export interface ConnectionActions {
  calendar: CalendarAction;
  disconnect: DisconnectAction;
  syncNow: SyncNowAction;
}

export const connectionLabel = (connection: ConnectionView) => `${providerLabels[connection.provider]}${connection.accountEmail ? ` ${connection.accountEmail}` : ` ${connection.calendars[0]?.name ?? ''}`}`.trim();

export function ConnectionCard({ connection, actions, clock }: { connection: ConnectionView; actions: ConnectionActions; clock: HostClock }) {
  const label = connectionLabel(connection);
  const canSync = connection.status !== 'reauth_required';
  return (
    <section className={dashboardStyles.section} aria-label={label}>
      <div className={styles.connectionHeader}>
        <div>
          <p className={styles.account}>{connection.accountEmail ?? connection.calendars[0]?.name ?? 'Feed'}</p>
          <p className={styles.meta}>
            {providerLabels[connection.provider]}
            {connection.icsUrl ? ` · ${new URL(connection.icsUrl).hostname}` : ''}
          </p>
          {connection.status === 'reauth_required' ? <p className={styles.meta}>Not syncing: reconnect to continue. Slots use the busy times last read.</p> : null}
        </div>
        <span className={styles.connectionActions}>
          {connection.status === 'reauth_required' && connection.provider !== 'ics' ? (
            <ButtonLink href={`/api/integrations/${connection.provider}/connect`}>Reconnect</ButtonLink>
          ) : null}
          {canSync ? (
            <ConnectionButton connectionId={connection.id} action={actions.syncNow} ariaLabel={`Sync now: ${label}`} pendingText="Syncing…">
              Sync now
            </ConnectionButton>
          ) : null}
          <DisconnectButton connectionId={connection.id} label={label} action={actions.disconnect} />
        </span>
      </div>
      <dl className={styles.health} aria-label={`Sync status of ${label}`}>
        {healthLines(connection, clock).map((line) => (
          <div key={line.term} className={styles.healthLine}>
            <dt>{line.term}</dt>
            <dd>{line.detail}</dd>
          </div>
        ))}
      </dl>
      <ul className={styles.calendars} aria-label={`Calendars of ${label}`}>
        {connection.calendars.map((calendar) => (
          <CalendarChoices key={calendar.id} calendar={calendar} canReceive={connection.provider !== 'ics'} action={actions.calendar} />
        ))}
      </ul>
    </section>
  );
}
