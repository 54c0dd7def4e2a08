import { env } from '@/lib/env';
import { log } from '@/lib/log';

// The secrets that sign sessions and invitees' links, newest first (as Auth.js takes them). New
// links use the first; links already in mailboxes were made with an older one and keep working while
// that one stays listed in AUTH_SECRET_PREVIOUS.

const DEVELOPMENT_SECRET = 'rendezvous-development-only-secret-not-for-production';
let warned = false;

export function signingSecrets(): readonly string[] {
  const { AUTH_SECRET, AUTH_SECRET_PREVIOUS } = env();
  if (AUTH_SECRET) return [AUTH_SECRET, ...AUTH_SECRET_PREVIOUS];
  // lib/env.ts refuses a production start without AUTH_SECRET, so this is development or tests.
  if (!warned) {
    warned = true;
    log().warn('AUTH_SECRET is not set; using a development-only secret');
  }
  return [DEVELOPMENT_SECRET];
}
