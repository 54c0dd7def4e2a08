import { ButtonLink } from '@/components/ui/button';
import type { ConnectionView } from '@/lib/calendars/list-connections';
import { CalendarChoices, type CalendarAction } from './calendar-choices';
import { DisconnectButton, type DisconnectAction } from './disconnect-button';
import dashboardStyles from '../dashboard.module.css';
import styles from './integrations.module.css';

export const providerLabels = { google: 'Google Calendar', microsoft: 'Microsoft 365', ics: 'ICS feed' } as const;

function syncLine(connection: ConnectionView): string {
  if (connection.status === 'reauth_required') return 'Not syncing: reconnect to continue. Slots use the busy times last read.';
  const when = connection.lastSyncedAt ? `Last synced ${connection.lastSyncedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'Not synced yet';
  if (connection.stale) return `${when}. Busy times may be out of date${connection.lastError ? ` (${connection.lastError})` : ''}.`;
  return `${when}.`;
}

export function ConnectionCard({ connection, actions }: { connection: ConnectionView; actions: { calendar: CalendarAction; disconnect: DisconnectAction } }) {
  const label = `${providerLabels[connection.provider]}${connection.accountEmail ? ` ${connection.accountEmail}` : ''}`;
  return (
    <section className={dashboardStyles.section} aria-label={label}>
      <div className={styles.connectionHeader}>
        <div>
          <p className={styles.account}>{connection.accountEmail ?? connection.calendars[0]?.name ?? 'Feed'}</p>
          <p className={styles.meta}>
            {providerLabels[connection.provider]}
            {connection.icsUrl ? ` · ${new URL(connection.icsUrl).hostname}` : ''}
          </p>
          <p className={styles.meta}>{syncLine(connection)}</p>
        </div>
        <span>
          {connection.status === 'reauth_required' && connection.provider !== 'ics' ? (
            <ButtonLink href={`/api/integrations/${connection.provider}/connect`}>Reconnect</ButtonLink>
          ) : null}{' '}
          <DisconnectButton connectionId={connection.id} label={label} action={actions.disconnect} />
        </span>
      </div>
      <ul className={styles.calendars} aria-label={`Calendars of ${label}`}>
        {connection.calendars.map((calendar) => (
          <CalendarChoices key={calendar.id} calendar={calendar} canReceive={connection.provider !== 'ics'} action={actions.calendar} />
        ))}
      </ul>
    </section>
  );
}
