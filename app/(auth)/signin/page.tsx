import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BrowserTimeZoneInput } from '@/components/auth/browser-time-zone-input';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import styles from '@/components/auth/auth.module.css';
import { Button } from '@/components/ui/button';
import { signIn } from '@/lib/auth/auth';
import { configuredOAuthProviders } from '@/lib/auth/oauth-buttons';
import { currentHostId } from '@/lib/auth/current-host';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { signInProblem } from '@/lib/auth/sign-in-problems';
import { rememberSignUpZone } from '@/lib/auth/sign-up-zone';
import { signInAction } from '../actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const problem = typeof params.error === 'string' ? signInProblem(params.error) : null;
  if (await currentHostId()) redirect(callbackUrl);
  const providers = configuredOAuthProviders();
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <h1 className={styles.title}>Sign in</h1>
        <p className="muted">Welcome back to Rendezvous.</p>
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <SignInForm action={signInAction} callbackUrl={callbackUrl} />
        <p className={styles.alternate}>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
        {providers.length > 0 ? (
          <>
            <p className={styles.divider}>or</p>
            <div className={styles.providers}>
              {providers.map((provider) => (
                <form
                  key={provider.id}
                  action={async (form: FormData) => {
                    'use server';
                    await rememberSignUpZone(form.get('timeZone'));
                    await signIn(provider.id, { redirectTo: callbackUrl });
                  }}
                >
                  <BrowserTimeZoneInput />
                  <Button type="submit" variant="secondary" block>
                    Continue with {provider.name}
                  </Button>
                </form>
              ))}
            </div>
          </>
        ) : null}
        <p className={styles.alternate}>
          New here? <Link href={callbackUrl === '/dashboard' ? '/signup' : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
        </p>
      </div>
    </main>
  );
}
