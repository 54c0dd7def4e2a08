import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import { HostClockProvider } from '@/components/dashboard/host-clock-provider';
import styles from '@/components/dashboard/dashboard.module.css';
import { VerifyEmailBanner } from '@/components/dashboard/verify-email-banner';
import { currentHostId } from '@/lib/auth/current-host';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { db } from '@/lib/database';
import { signOutAction } from '../(auth)/actions';
import { resendVerificationAction } from './actions';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s · Rendezvous' }, robots: { index: false } };

// Every dashboard page checks the session itself (and sends a signed-out visitor to sign in, back to
// that very page); this layout only frames them, and frames nothing for a visitor without a session.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const hostUserId = await currentHostId();
  if (!hostUserId) return children;
  const host = await findHostSummary(db(), hostUserId);
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link href="/dashboard" className={styles.brand}>
          Rendezvous
        </Link>
        <DashboardNav username={host?.username ?? null} />
        <div className={styles.account}>
          {host ? (
            <a className={styles.publicLink} href={`/${host.username}`}>
              /{host.username}
            </a>
          ) : null}
          <form action={signOutAction}>
            <button type="submit" className={styles.signOut}>
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main className={styles.main}>
        {host && !host.emailVerified ? <VerifyEmailBanner email={host.email} resend={resendVerificationAction} /> : null}
        <HostClockProvider hourCycle={host?.hourCycle ?? '12h'}>{children}</HostClockProvider>
      </main>
    </div>
  );
}
