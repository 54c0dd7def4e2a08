import { randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { sessions, users } from '@/db/schema';

// Sessions are JWTs, and each one names a row here (its sid). A session is live only while its row
// exists, so signing out (the row is deleted) ends it at once, even for a copy of its cookie. The
// check rides on the read every request already made (the host's session version, name and email):
// one primary-key join instead of one primary-key read, so it costs no extra round trip.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** A live row's expiry moves forward at most once a day, so an active session is not cut at 30 days. */
const SLIDE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface LiveSessionState {
  sessionVersion: number;
  name: string;
  email: string;
}

/** Starts a session for `userId` and returns its id; the host's expired rows are cleared meanwhile. */
export async function startSession(database: Queryable, userId: string, now = new Date()): Promise<string> {
  const sessionId = randomBytes(24).toString('base64url');
  await database.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expires, now)));
  await database.insert(sessions).values({ sessionToken: sessionId, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) });
  return sessionId;
}

/** The host behind a live session, or null when the session ended, expired or belongs to someone else. */
export async function readLiveSession(database: Queryable, sessionId: string, userId: string, now = new Date()): Promise<LiveSessionState | null> {
  const [row] = await database
    .select({ sessionVersion: users.sessionVersion, name: users.name, email: users.email, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId)));
  if (!row || row.expires <= now) return null;
  if (row.expires.getTime() - now.getTime() < SESSION_MAX_AGE_SECONDS * 1000 - SLIDE_AFTER_MS) {
    await database.update(sessions).set({ expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) }).where(eq(sessions.sessionToken, sessionId));
  }
  return { sessionVersion: row.sessionVersion, name: row.name, email: row.email };
}

export async function endSession(database: Queryable, sessionId: string): Promise<void> {
  await database.delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

/** Ends every session of the host but `keep` (null: every one). Returns how many ended. */
export async function endOtherSessions(database: Queryable, userId: string, keep: string | null): Promise<number> {
  const ended = await database
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.sessionToken, keep)) : eq(sessions.userId, userId))
    .returning({ id: sessions.sessionToken });
  return ended.length;
}

/** How many sessions the host has open (settings shows it). */
export async function countLiveSessions(database: Queryable, userId: string, now = new Date()): Promise<number> {
  const [row] = await database
    .select({ count: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expires} > ${now.toISOString()}::timestamptz`));
  return row?.count ?? 0;
}
