import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import styles from '@/components/auth/auth.module.css';
import { currentHostId } from '@/lib/auth/current-host';
import { signUpAction } from '../actions';

export const metadata: Metadata = { title: 'Create your account', robots: { index: false } };

export default async function SignUpPage() {
  if (await currentHostId()) redirect('/dashboard');
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Create your account</h1>
        <p className="muted">Share a link, get booked, never double-booked.</p>
        <SignUpForm action={signUpAction} />
        <p className={styles.alternate}>
          Already have an account? <Link href="/signin">Sign in</Link>
        </p>
      </div>
    </main>
  );
}
