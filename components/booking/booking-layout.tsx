import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './booking-layout.module.css';

export const layoutStyles = styles;

/** The page frame of every invitee page: a back link, then details (right on wide screens) and a panel. */
export function BookingPageFrame({
  backHref,
  backLabel,
  details,
  children,
}: {
  backHref?: string;
  backLabel?: string;
  details: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={styles.page}>
      {backHref ? (
        <Link href={backHref} className={styles.crumb}>
          ← {backLabel ?? 'Back'}
        </Link>
      ) : null}
      <div className={styles.layout}>
        <div className={`${styles.card} ${styles.details}`}>{details}</div>
        <section className={`${styles.card} ${styles.panel}`}>{children}</section>
      </div>
    </main>
  );
}
