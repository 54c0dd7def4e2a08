import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/lib/database';
import { users } from '@/db/schema';
import { clientAddress } from '@/lib/client-address';
import { errorField, log } from '@/lib/log';
import { hostAdapter } from './host-adapter';
import { endSession, readLiveSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/hosts/accounts/live-sessions';
import { oauthProviders, providerVerifiedEmail } from './oauth-providers';
import { verifyPasswordSignIn } from './password-sign-in';
import { sameOriginRedirect } from './safe-redirect';
import { signUpZone } from './sign-up-zone';
import { localeFromAcceptLanguage } from '@/lib/hosts/host-clock';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { applyClientUpdate, type HostToken, refreshedToken } from './session-token';

// Auth.js v5. Sessions are JWTs (the credentials provider needs them) that carry the host's id, the
// session version and a session id; every read checks that the session's row still exists and the
// version still matches, so sign-out ends a session at once and a password change ends the others.
// OAuth providers appear only when their client ids are configured (oauth-providers.ts), and join an
// existing account by email only when both sides verified it.

/** Thrown from authorize so the sign-in form can say "too many attempts" rather than "wrong password". */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';
}

/**
 * Auth.js's log lines through ours. A refused password is routine: one info line, no stack (Auth.js
 * would print an 11-line [auth][error] trace for each); a throttled one is a warning.
 */
const authLogger = {
  error(error: Error) {
    if (error instanceof SignInThrottled) log().warn({ event: 'sign_in_throttled' }, 'sign-in refused: too many failed attempts');
    else if (error instanceof CredentialsSignin) log().info({ event: 'sign_in_failed' }, 'sign-in refused: wrong email or password');
    else if ((error as { type?: string }).type === 'AccessDenied') log().warn({ event: 'sign_in_denied' }, 'sign-in refused: the provider did not verify the address');
    else log().error({ event: 'auth_error', err: errorField(error, true), cause: (error as { cause?: unknown }).cause }, 'auth error');
  },
  warn(code: string) {
    log().warn({ event: 'auth_warning', code }, `auth warning: ${code}`);
  },
  debug(message: string, metadata?: unknown) {
    log().debug({ event: 'auth_debug', metadata }, message);
  },
};

const credentialsSchema = z.object({ email: z.string().max(255), password: z.string().max(1_000) });

async function storedSessionVersion(userId: string): Promise<number> {
  const [row] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.sessionVersion ?? 0;
}

/** The host behind a token's live session (lib/hosts/accounts/live-sessions.ts), or null: the session is over. */
async function liveSessionState(token: HostToken) {
  if (!token.sub || !token.sid || !z.uuid().safeParse(token.sub).success) return null;
  return readLiveSession(db(), token.sid, token.sub);
}

// Built per call, so tests can change the environment. Auth.js's origin is APP_URL: scripts/serve.ts
// exports AUTH_URL from it, and the route (app/api/auth) addresses each request to it.
// The request (absent for signIn/auth calls from server code) carries the zone a new OAuth host starts in,
// and its Accept-Language the locale their clock follows.
export const { handlers, auth, signIn, signOut } = NextAuth((request) => authConfig(request));

const authConfig = (request: NextRequest | undefined): NextAuthConfig => ({
  adapter: hostAdapter(db(), { timeZone: signUpZone(request), locale: localeFromAcceptLanguage(request?.headers.get('accept-language')) }),
  secret: [...signingSecrets()],
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await verifyPasswordSignIn(db(), { ...parsed.data, client: clientAddress(request), now: Date.now() });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new SignInThrottled();
          return null;
        }
        return { id: result.host.id, email: result.host.email, name: result.host.name, sessionVersion: result.host.sessionVersion };
      },
    }),
    ...oauthProviders(),
  ],
  events: {
    // Sign-out deletes the session's row, so a copy of its cookie stops working at once.
    async signOut(message) {
      const sessionId = 'token' in message ? (message.token as HostToken | null)?.sid : undefined;
      if (typeof sessionId === 'string') await endSession(db(), sessionId);
    },
  },
  callbacks: {
    // An OAuth address counts only when its provider vouches for it. It then joins the account with
    // that address only if that account verified it too: the adapter's getUserByEmail first takes the
    // address from an unverified holder (host-adapter.ts), so no identity ever joins a squatter.
    signIn({ account, profile }) {
      if (!account || account.type !== 'oidc') return true;
      return providerVerifiedEmail(account.provider, profile as Record<string, unknown> | undefined);
    },
    async jwt({ token, user, trigger, session }) {
      const hostToken = token as HostToken;
      if (user?.id) {
        const sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? (await storedSessionVersion(user.id));
        return { ...hostToken, sub: user.id, sv: sessionVersion, sid: await startSession(db(), user.id) };
      }
      const current = refreshedToken(hostToken, await liveSessionState(hostToken));
      if (current && trigger === 'update') return applyClientUpdate(current, session);
      return current;
    },
    session({ session, token }) {
      const hostToken = token as HostToken;
      // The session id lets "sign out of all other sessions" keep this one; it opens nothing by itself.
      return { ...session, sessionId: hostToken.sid ?? '', user: { ...session.user, id: hostToken.sub ?? '' } };
    },
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
  },
});
