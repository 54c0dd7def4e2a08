import type { Metadata } from 'next';
import styles from '@/components/auth/auth.module.css';
import { LinkProblemNotice } from '@/components/auth/link-problem';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { db } from '@/lib/database';
import { checkAccountToken } from '@/lib/hosts/accounts/account-tokens';
import { resetPasswordAction } from '../actions';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

// The link is checked (not used) when the page opens, so a dead link says so before anyone types.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const check = await checkAccountToken(db(), ['reset_password'], token, new Date());
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Choose a new password</h1>
        {check.ok && typeof token === 'string' ? <ResetPasswordForm action={resetPasswordAction} token={token} /> : <LinkProblemNotice problem={check.ok ? 'invalid' : check.problem} kind="reset" />}
      </div>
    </main>
  );
}
