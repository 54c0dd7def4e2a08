import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dev-mail/dev-mail.module.css';
import { db } from '@/lib/database';
import { devInboxEnabled, listInbox } from '@/lib/notifications/dev-inbox';

export const metadata: Metadata = { title: 'Dev inbox' };

export default async function DevInboxPage() {
  if (!devInboxEnabled()) notFound();
  const messages = await listInbox(db());
  return (
    <main className="page">
      <h1>Dev inbox</h1>
      <p className="lead">Every email the app recorded, newest first. Without RESEND_API_KEY nothing leaves this machine.</p>
      {messages.length === 0 ? (
        <p className="muted">No email yet. Book a meeting on the demo page to see the confirmations here.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col" className={styles.hideNarrow}>Status</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{message.to}</td>
                <td>
                  <Link href={`/dev/mail/${message.id}`}>{message.subject}</Link>
                </td>
                <td className={styles.hideNarrow}>{message.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
