import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/auth/auth.module.css';
import { LinkProblemNotice } from '@/components/auth/link-problem';
import { Alert } from '@/components/ui/alert';
import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { confirmEmailAddress } from '@/lib/hosts/accounts/email-verification';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false }, referrer: 'no-referrer' };

// Opening the link confirms the address (a new account's, or a new one chosen in settings). It works
// once; every other outcome says what happened and what to do, and nothing about whose link it was.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const result = await confirmEmailAddress({ database: db(), store: cacheStore() }, token, new Date());
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Confirm your email</h1>
        {result.ok ? (
          <>
            <Alert tone="success" title={result.change === 'changed' ? 'Your new address is confirmed' : 'Your email address is confirmed'}>
              {result.change === 'changed' ? 'Rendezvous now writes to this address.' : 'Your booking page can take bookings now.'}
            </Alert>
            <p>
              <Link href="/dashboard">Go to your dashboard</Link>
            </p>
          </>
        ) : (
          <LinkProblemNotice problem={result.problem} kind="verify" />
        )}
      </div>
    </main>
  );
}
