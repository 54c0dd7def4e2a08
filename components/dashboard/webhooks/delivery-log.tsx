import type { FormAction } from '@/components/ui/use-form-action';
import type { WebhookDeliveryView } from '@/lib/webhooks/endpoints/delivery-log';
import { PayloadButton } from './payload-button';
import styles from './webhooks.module.css';

// An endpoint's delivery log: each delivery (event, state) with every attempt (time, status code or
// error, duration, the first 1 KB of the answer), and "Resend".

const statusWords = { pending: 'Waiting to retry', succeeded: 'Delivered', failed: 'Not sent: endpoint turned off', dead: 'Gave up after the last retry' } as const;

export type ResendAction = FormAction<{ deliveryId: string }, { deliveryId: string }>;

export function DeliveryLog({ deliveries, format, resend, titleId }: { deliveries: WebhookDeliveryView[]; format: (at: Date) => string; resend: ResendAction; titleId: string }) {
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId} className={styles.logTitle}>
        Delivery log
      </h4>
      {deliveries.length === 0 ? <p className={styles.meta}>Nothing sent yet. “Send test event” tries the endpoint now.</p> : null}
      <ol className={styles.log}>
        {deliveries.map((delivery) => (
          <li key={delivery.id} className={styles.delivery}>
            <div className={styles.deliveryHeader}>
              <span>
                <span className={styles.eventType}>{delivery.eventType}</span> · {statusWords[delivery.status]}
                {delivery.status === 'pending' && delivery.nextAttemptAt && delivery.attempts > 0 ? `, next try ${format(delivery.nextAttemptAt)}` : ''}
              </span>
              <PayloadButton action={resend} payload={{ deliveryId: delivery.id }} pendingText="Resending…" ariaLabel={`Resend ${delivery.eventType} ${delivery.id}`}>
                Resend
              </PayloadButton>
            </div>
            <p className={styles.meta}>
              {format(delivery.createdAt)} · <code>{delivery.id}</code>
            </p>
            <ol className={styles.attempts} aria-label="Attempts">
              {delivery.attemptLog.map((attempt) => (
                <li key={attempt.attemptNumber} className={styles.attempt}>
                  Attempt {attempt.attemptNumber} · {format(attempt.attemptedAt)} · {attempt.statusCode ?? 'no answer'}
                  {attempt.error ? ` (${attempt.error})` : ''} · {attempt.durationMs} ms
                  {attempt.responseExcerpt ? <pre className={styles.excerpt}>{attempt.responseExcerpt}</pre> : null}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
