import { AppError } from '@/lib/errors';

// Replaces lib/auth/current-host in integration tests of server actions (there is no Next.js request
// to carry a session cookie): `vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'))`,
// then `signInAs(hostId)` or `signInAs(null)` before calling an action.

let signedIn: string | null = null;
let sessionId: string | null = null;

/** `session`: the id of this browser's live session row, for actions that keep it. */
export function signInAs(hostUserId: string | null, session: string | null = null): void {
  signedIn = hostUserId;
  sessionId = session;
}

export async function currentSessionId(): Promise<string | null> {
  return signedIn ? sessionId : null;
}

export async function currentHostId(): Promise<string | null> {
  return signedIn;
}

export async function requireHost(): Promise<string> {
  if (!signedIn) throw new AppError('unauthorized', 'Sign in to continue.');
  return signedIn;
}

export async function requireHostForPage(returnTo: string): Promise<string> {
  if (!signedIn) throw new Error(`redirect to /signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return signedIn;
}
