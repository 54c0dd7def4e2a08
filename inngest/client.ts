import 'server-only';
import { Inngest } from 'inngest';
import { env } from '@/lib/env';

// One Inngest client per process, configured from lib/env: Inngest Cloud (event + signing keys),
// a self-hosted server (INNGEST_BASE_URL), or the dev server (INNGEST_DEV, no signature checks).

const holder = globalThis as unknown as { __rendezvousInngest?: Inngest };

export function inngestClient(): Inngest {
  if (!holder.__rendezvousInngest) {
    const config = env();
    holder.__rendezvousInngest = new Inngest({
      id: 'rendezvous',
      isDev: Boolean(config.INNGEST_DEV),
      ...(config.INNGEST_EVENT_KEY ? { eventKey: config.INNGEST_EVENT_KEY } : {}),
      ...(config.INNGEST_SIGNING_KEY ? { signingKey: config.INNGEST_SIGNING_KEY } : {}),
      ...(config.INNGEST_SIGNING_KEY_FALLBACK ? { signingKeyFallback: config.INNGEST_SIGNING_KEY_FALLBACK } : {}),
      ...(config.INNGEST_BASE_URL ? { baseUrl: config.INNGEST_BASE_URL } : {}),
    });
  }
  return holder.__rendezvousInngest;
}

/** Tests build clients with their own keys. */
export function resetInngestClientForTests(): void {
  holder.__rendezvousInngest = undefined;
}
