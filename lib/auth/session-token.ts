import { z } from 'zod';

// What a session token may hold, and how it changes. The identity (user id, session version) is set
// only at sign-in on the server; a client's `session.update()` can change nothing but the
// allow-listed preferences below, so no request can turn one host's session into another's.

export interface HostToken {
  sub?: string;
  /** The users.session_version the token was issued under; a password change bumps it. */
  sv?: number;
  /** The session's row in `sessions` (lib/hosts/accounts/live-sessions.ts); gone = signed out. */
  sid?: string;
  name?: string | null;
  email?: string | null;
  timeFormat?: '12h' | '24h';
  [key: string]: unknown;
}

const allowListedUpdate = z.object({ timeFormat: z.enum(['12h', '24h']).optional() });

/** The token after a client-requested update: only allow-listed, non-identity fields are copied. */
export function applyClientUpdate(token: HostToken, requested: unknown): HostToken {
  const parsed = allowListedUpdate.safeParse(requested);
  if (!parsed.success) return token;
  const next = { ...token };
  if (parsed.data.timeFormat) next.timeFormat = parsed.data.timeFormat;
  return next;
}

export interface StoredSessionState {
  sessionVersion: number;
  name: string;
  email: string;
}

/**
 * The token to keep, refreshed from the database, or null to end the session: its row is gone
 * (signed out, or ended from another session), or the session version moved on (a password change).
 */
export function refreshedToken(token: HostToken, stored: StoredSessionState | null): HostToken | null {
  if (!stored || token.sv !== stored.sessionVersion) return null;
  return { ...token, name: stored.name, email: stored.email };
}
