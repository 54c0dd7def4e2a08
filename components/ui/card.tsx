import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './card.module.css';

export function Card({ href, children, accent }: { href?: string; children: ReactNode; accent?: string | null }) {
  const style = accent ? { borderLeft: `4px solid ${accent}` } : undefined;
  if (href) {
    return (
      <Link href={href} className={styles.card} style={style}>
        {children}
      </Link>
    );
  }
  return (
    <div className={styles.card} style={style}>
      {children}
    </div>
  );
}
