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
import { errorField, log } from '@/lib/log';
import { hostAdapter } from './host-adapter';
import { verifyPasswordSignIn } from './password-sign-in';
import { sameOriginRedirect } from './safe-redirect';
import { signingSecrets } from './secrets';
import { applyClientUpdate, type HostToken, refreshedToken } from './session-token';

// Auth.js v5. Sessions are JWTs (the credentials provider needs them) that carry the host's id and
// session version; every read checks the version against the database, so a password change ends
// the host's other sessions. OAuth providers appear only when their client ids are configured, and
// never link to an existing account by email (Auth.js refuses: OAuthAccountNotLinked).

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
    else log().error({ event: 'auth_error', err: errorField(error, true), cause: errorField((error as { cause?: unknown }).cause) }, 'auth error');
  },
  warn(code: string) {
    log().warn({ event: 'auth_warning', code }, `auth warning: ${code}`);
  },
  debug(message: string, metadata?: unknown) {
    log().debug({ event: 'auth_debug', metadata }, message);
  },
};

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

async function storedSessionState(userId: string | undefined) {
  if (!userId || !z.uuid().safeParse(userId).success) return null;
  const [row] = await db()
    .select({ sessionVersion: users.sessionVersion, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: hostAdapter(db()),
  secret: [...signingSecrets()],
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
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
      if (user) {
        const sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? (await storedSessionState(user.id))?.sessionVersion ?? 0;
        return { ...hostToken, sub: user.id, sv: sessionVersion };
      }
      const current = refreshedToken(hostToken, await storedSessionState(hostToken.sub));
      if (current && trigger === 'update') return applyClientUpdate(current, session);
      return current;
    },
    session({ session, token }) {
      const hostToken = token as HostToken;
      return { ...session, user: { ...session.user, id: hostToken.sub ?? '' } };
    },
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
  },
}));
