import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { clientAddress } from '@/lib/client-address';
import { env } from '@/lib/env';
import { hostAdapter } from './host-adapter';
import { endSession, readLiveSession, SESSION_MAX_AGE_SECONDS, startSession } from './live-sessions';
import { verifyPasswordSignIn } from './password-sign-in';
import { sameOriginRedirect } from './safe-redirect';
import { signingSecrets } from './secrets';
import { applyClientUpdate, type HostToken, refreshedToken } from './session-token';

// Auth.js v5. Sessions are JWTs (the credentials provider needs them) that carry the host's id, the
// session version and a session id; every read checks that the session's row still exists and the
// version still matches, so sign-out ends a session at once and a password change ends the others.
// OAuth providers appear only when their client ids are configured, and never link to an existing
// account by email (Auth.js refuses: OAuthAccountNotLinked).

/** Thrown from authorize so the sign-in form can say "too many attempts" rather than "wrong password". */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';
}

const credentialsSchema = z.object({ email: z.string().max(255), password: z.string().max(1_000) });

const isMultiTenant = (tenant: string) => ['common', 'organizations', 'consumers'].includes(tenant.toLowerCase());

function oauthProviders(): Provider[] {
  const config = env();
  const providers: Provider[] = [];
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push(Google({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET }));
  }
  if (config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET) {
    providers.push(
      MicrosoftEntraID({
        clientId: config.MICROSOFT_CLIENT_ID,
        clientSecret: config.MICROSOFT_CLIENT_SECRET,
        issuer: `https://login.microsoftonline.com/${config.MICROSOFT_TENANT}/v2.0`,
      }),
    );
  }
  return providers;
}

async function storedSessionVersion(userId: string): Promise<number> {
  const [row] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.sessionVersion ?? 0;
}

/** The host behind a token's live session (lib/auth/live-sessions.ts), or null: the session is over. */
async function liveSessionState(token: HostToken) {
  if (!token.sub || !token.sid || !z.uuid().safeParse(token.sub).success) return null;
  return readLiveSession(db(), token.sid, token.sub);
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: hostAdapter(db()),
  secret: [...signingSecrets()],
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
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
    // An OAuth address counts only when its provider vouches for it: Google's email_verified, or
    // Entra's xms_edov (domain-verified) unless one known tenant is configured (its admins own it).
    signIn({ account, profile }) {
      if (account?.provider === 'google') return profile?.email_verified === true;
      if (account?.provider === 'microsoft-entra-id') return !isMultiTenant(env().MICROSOFT_TENANT) || profile?.xms_edov === true;
      return true;
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
}));
