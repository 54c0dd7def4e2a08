import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { ApiKeyList } from '@/components/dashboard/settings/api-keys/api-key-list';
import { apiKeyRows } from '@/components/dashboard/settings/api-keys/api-key-rows';
import { CreateApiKeyForm } from '@/components/dashboard/settings/api-keys/create-api-key-form';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { listApiKeys } from '@/lib/hosts/api-keys/list';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const hostUserId = await requireHostForPage('/dashboard/settings/api-keys');
  const [host, keys] = await Promise.all([findHostSummary(db(), hostUserId), listApiKeys(db(), hostUserId)]);
  if (!host) notFound();
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>API keys</h1>
      </div>
      <p className="muted">
        A key lets a script or another service use the <Link href="/docs/api">Rendezvous API</Link> as you: send it as{' '}
        <code>Authorization: Bearer rdv_…</code>. A read key can only look; a read-write key can change your meeting types, hours and bookings.
      </p>
      <div className={styles.sections}>
        <section aria-labelledby="new-key-title" className={styles.section}>
          <h2 id="new-key-title" className={styles.sectionTitle}>
            Create a key
          </h2>
          <CreateApiKeyForm action={createApiKeyAction} />
        </section>
        <section aria-labelledby="keys-title" className={styles.section}>
          <h2 id="keys-title" className={styles.sectionTitle}>
            Your keys
          </h2>
          <ApiKeyList keys={apiKeyRows(keys, host.timeZone, host.hourCycle)} revoke={revokeApiKeyAction} />
        </section>
      </div>
    </>
  );
}
