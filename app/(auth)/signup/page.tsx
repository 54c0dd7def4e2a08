import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import styles from '@/components/auth/auth.module.css';
import { currentHostId } from '@/lib/auth/current-host';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { signUpAction } from '../actions';

export const metadata: Metadata = { title: 'Create your account', robots: { index: false } };

// `?email=` prefills the address and `?callbackUrl=` is where the new account lands (a team
// invitation sends both, so the invited address signs up and comes back to accept).
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const email = typeof params.email === 'string' ? params.email.slice(0, 255) : undefined;
  if (await currentHostId()) redirect(callbackUrl);
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Create your account</h1>
        <p className="muted">Share a link, get booked, never double-booked.</p>
        <SignUpForm action={signUpAction} email={email} callbackUrl={callbackUrl} />
        <p className={styles.alternate}>
          Already have an account? <Link href={callbackUrl === '/dashboard' ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
        </p>
      </div>
    </main>
  );
}
