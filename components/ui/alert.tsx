import type { ReactNode } from 'react';
import styles from './alert.module.css';

/**
 * A message box. Errors use role="alert" so they are announced as they appear; other tones are polite
 * status messages.
 */
export function Alert({ tone = 'info', title, children }: { tone?: 'error' | 'info' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`${styles.alert} ${styles[tone]}`}>
      {title ? <p className={styles.title}>{title}</p> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}
