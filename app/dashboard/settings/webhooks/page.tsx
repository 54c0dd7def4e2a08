import type { Metadata } from 'next';
import styles from '@/components/dashboard/dashboard.module.css';
import { DeliveryLog } from '@/components/dashboard/webhooks/delivery-log';
import { EndpointCard } from '@/components/dashboard/webhooks/endpoint-card';
import { NewEndpointForm } from '@/components/dashboard/webhooks/new-endpoint-form';
import { requireHostForPage } from '@/lib/auth/current-host';
import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { formatDateTime } from '@/lib/hosts/host-clock';
import { hostContext } from '@/lib/hosts/host-write';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { listWebhookDeliveries } from '@/lib/webhooks/endpoints/delivery-log';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints/list';
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestEventAction,
  setWebhookEndpointEnabledAction,
} from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

const offReasons = { host: 'Off: turned off by you', gone: 'Off: the receiver answered 410 Gone', failing: 'Off: failed for 3 days' } as const;
const LOG_LENGTH = 20;

export default async function WebhooksPage() {
  const hostUserId = await requireHostForPage('/dashboard/settings/webhooks');
  const ctx = hostContext({ database: db(), store: cacheStore() }, hostUserId);
  const [endpoints, host] = await Promise.all([listWebhookEndpoints(ctx), findHostSummary(db(), hostUserId)]);
  const logs = await Promise.all(endpoints.map((endpoint) => listWebhookDeliveries(ctx, { id: endpoint.id, limit: LOG_LENGTH })));
  const format = (at: Date) => formatDateTime(at, host?.timeZone ?? 'UTC', host?.hourCycle ?? '12h');
  const actions = { sendTest: sendWebhookTestEventAction, rotate: rotateWebhookSecretAction, setEnabled: setWebhookEndpointEnabledAction, remove: deleteWebhookEndpointAction };
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Webhooks</h1>
      </div>
      <div className={styles.sections}>
        <section aria-labelledby="new-endpoint-title" className={styles.section}>
          <h2 id="new-endpoint-title" className={styles.sectionTitle}>
            Add an endpoint
          </h2>
          <p className="muted">Rendezvous POSTs each event you pick to your URL, signed per the Standard Webhooks specification, and retries failures for about a day.</p>
          <NewEndpointForm action={createWebhookEndpointAction} />
        </section>
        {endpoints.length > 0 ? (
          <section aria-labelledby="endpoints-title" className={styles.section}>
            <h2 id="endpoints-title" className={styles.sectionTitle}>
              Your endpoints
            </h2>
            {endpoints.map((endpoint, index) => (
              <EndpointCard
                key={endpoint.id}
                actions={actions}
                endpoint={{
                  id: endpoint.id,
                  url: endpoint.url,
                  events: endpoint.events,
                  enabled: endpoint.enabled,
                  offReason: endpoint.disabledReason ? offReasons[endpoint.disabledReason] : null,
                  failingSince: endpoint.failingSince ? format(endpoint.failingSince) : null,
                }}
              >
                <DeliveryLog deliveries={logs[index] ?? []} format={format} resend={resendWebhookDeliveryAction} titleId={`log-${endpoint.id}`} />
              </EndpointCard>
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}
