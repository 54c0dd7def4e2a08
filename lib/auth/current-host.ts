import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import { auth } from './auth';

// Who is signed in, checked where the data is touched (every page, action and route), never only in
// the proxy: middleware-only auth is how CVE-2025-29927 happened.

const currentSession = cache(() => auth());

/** The signed-in host's id, or null. Once per request: the layout and the page both ask. */
export const currentHostId = cache(async (): Promise<string | null> => {
  const session = await currentSession();
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? id : null;
});

/** This browser's session id (lib/hosts/accounts/live-sessions.ts), so "sign out everywhere else" can keep it. */
export async function currentSessionId(): Promise<string | null> {
  const session = (await currentSession()) as { sessionId?: string } | null;
  return session?.sessionId || null;
}

/** For dashboard pages: the host's id, or a redirect to sign in (and back here afterwards). */
export async function requireHostForPage(returnTo: string): Promise<string> {
  const hostId = await currentHostId();
  if (!hostId) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return hostId;
}

/** For actions and route handlers: the host's id, or 401. */
export async function requireHost(): Promise<string> {
  const hostId = await currentHostId();
  if (!hostId) throw new AppError('unauthorized', 'Sign in to continue.');
  return hostId;
}
