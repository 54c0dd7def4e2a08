import { Alert } from '@/components/ui/alert';
import styles from './webhooks.module.css';

/** A signing secret, shown right after it was made and never again. */
export function SecretOnce({ title, secret }: { title: string; secret: string }) {
  return (
    <Alert tone="success" title={title}>
      <p>Copy the signing secret now: it is not shown again. Verify each request with it (see the README).</p>
      <code className={styles.secret} aria-label="Signing secret">
        {secret}
      </code>
    </Alert>
  );
}
