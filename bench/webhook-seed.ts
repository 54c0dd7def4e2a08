// Child process of bench/webhooks.ts, run with `tsx --conditions=react-server` (the signing module is
// server-only): gives each host the endpoints named on stdin, with sealed secrets, as the dashboard
// would. Prints nothing on success.
import { randomUUID } from 'node:crypto';
import { createDatabase } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/signing';

async function main(): Promise<void> {
  const [databaseUrl, ...urls] = process.argv.slice(2) as [string, ...string[]];
  const hostIds = (await new Response(process.stdin as unknown as ReadableStream).text()).split('\n').filter(Boolean);
  const database = createDatabase(databaseUrl, { max: 1 });
  try {
    const rows = hostIds.flatMap((userId) =>
      urls.map((url) => {
        const id = randomUUID();
        return { id, userId, url, events: ['booking.created' as const], secretEncrypted: sealWebhookSecret(id, newWebhookSecret()) };
      }),
    );
    for (let at = 0; at < rows.length; at += 500) await database.insert(webhookEndpoints).values(rows.slice(at, at + 500));
  } finally {
    await database.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
