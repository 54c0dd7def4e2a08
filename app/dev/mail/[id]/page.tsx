import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import styles from '@/components/dev-mail/dev-mail.module.css';
import { db } from '@/lib/database';
import { devInboxEnabled, findInboxMessage } from '@/lib/notifications/dev-inbox';

export const metadata: Metadata = { title: 'Dev inbox message' };

export default async function DevInboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!devInboxEnabled()) notFound();
  const id = z.uuid().safeParse((await params).id);
  const message = id.success ? await findInboxMessage(db(), id.data) : null;
  if (!message) notFound();
  return (
    <main className="page">
      <p>
        <Link href="/dev/mail">← Dev inbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className={styles.meta}>
        <dt>To</dt>
        <dd>{message.recipientEmail}</dd>
        <dt>Kind</dt>
        <dd>{message.notificationType}</dd>
        <dt>Status</dt>
        <dd>{message.status}{message.error ? ` (${message.error})` : ''}</dd>
        <dt>Attachments</dt>
        <dd>{message.attachments?.length ? message.attachments.map((file) => file.filename).join(', ') : 'none'}</dd>
      </dl>
      <section className={styles.part} aria-labelledby="html-part">
        <h2 id="html-part">HTML part</h2>
        {/* sandbox="" : the message's HTML may not run scripts or navigate this page. */}
        <iframe className={styles.html} title="HTML part of the email" sandbox="" srcDoc={message.body ?? ''} />
      </section>
      <section className={styles.part} aria-labelledby="text-part">
        <h2 id="text-part">Plain-text part</h2>
        <pre className={styles.text}>{message.textBody}</pre>
      </section>
      {message.attachments?.map((file) => (
        <section key={file.filename} className={styles.part} aria-label={`Attachment ${file.filename}`}>
          <h2>{file.filename}</h2>
          <pre className={styles.text}>{file.content}</pre>
        </section>
      ))}
    </main>
  );
}
