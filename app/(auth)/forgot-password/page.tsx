import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/auth/auth.module.css';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { forgotPasswordAction } from '../actions';

export const metadata: Metadata = { title: 'Forgot password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Forgot your password?</h1>
        <p className="muted">Enter the email address of your account and we will send you a link to choose a new password.</p>
        <ForgotPasswordForm action={forgotPasswordAction} />
        <p className={styles.alternate}>
          Remembered it? <Link href="/signin">Sign in</Link>
        </p>
      </div>
    </main>
  );
}
