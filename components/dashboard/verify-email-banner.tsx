'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './dashboard.module.css';

type Resend = (input: Record<string, never>) => Promise<ActionResult<{ email: string }>>;

/** Until the host confirms their address: why bookings are off, and a (rate-limited) "Resend". */
export function VerifyEmailBanner({ email, resend }: { email: string; resend: Resend }) {
  const [state, submit, pending] = useActionState(() => resend({}), null);
  return (
    <section aria-labelledby="verify-banner-title" className={styles.banner}>
      <h2 id="verify-banner-title" className={styles.bannerTitle}>
        Confirm your email
      </h2>
      <p>
        We sent a link to <strong>{email}</strong>. Your booking page takes bookings once you open it.
      </p>
      <form action={submit} className={styles.bannerActions}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Sending…' : 'Resend'}
        </Button>
        <p role={state && !state.ok ? 'alert' : 'status'} className={styles.bannerStatus}>
          {state?.ok ? `Sent. Check ${state.data.email}.` : state ? state.error.message : ''}
        </p>
      </form>
    </section>
  );
}
