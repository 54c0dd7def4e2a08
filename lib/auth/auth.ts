import 'server-only';
import { and, eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { clientAddress } from '@/lib/client-address';
import { errorField, log } from '@/lib/log';
import { hostAdapter } from './host-adapter';
import { oauthProviders, providerVerifiedEmail } from './oauth-providers';
import { verifyPasswordSignIn } from './password-sign-in';
import { sameOriginRedirect } from './safe-redirect';
import { signingSecrets } from './secrets';
import { applyClientUpdate, type HostToken, refreshedToken } from './session-token';

// Auth.js v5. Sessions are JWTs (the credentials provider needs them) that carry the host's id and
// session version; every read checks the version against the database, so a password change ends
// the host's other sessions. OAuth providers appear only when their client ids are configured
// (oauth-providers.ts), and join an existing account by email only when both sides verified it.

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

/**
 * The linking rule: a provider identity joins an existing account (same email) only when the
 * provider vouches for the address and the account's own address is verified; otherwise Auth.js's
 * OAuthAccountNotLinked answer stands. An identity already linked signs in as before.
 */
async function mayJoinExistingAccount(email: string | null | undefined, provider: string, providerAccountId: string): Promise<boolean> {
  if (!email) return true;
  const [existing] = await db().select({ id: users.id, emailVerified: users.emailVerified }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!existing || existing.emailVerified) return true;
  const [linked] = await db()
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)));
  return linked?.userId === existing.id;
}

async function storedSessionState(userId: string | undefined) {
  if (!userId || !z.uuid().safeParse(userId).success) return null;
  const [row] = await db()
    .select({ sessionVersion: users.sessionVersion, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

// Built per call, so tests can change the environment. Auth.js's origin is APP_URL: scripts/serve.ts
// exports AUTH_URL from it, and the route (app/api/auth) addresses each request to it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());

const authConfig = (): NextAuthConfig => ({
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
    // An OAuth address counts only when its provider vouches for it, and joins an existing account
    // only when that account's address is verified too.
    async signIn({ account, profile, user }) {
      if (!account || account.type !== 'oidc') return true;
      if (!providerVerifiedEmail(account.provider, profile as Record<string, unknown> | undefined)) return false;
      if (await mayJoinExistingAccount(user.email, account.provider, account.providerAccountId)) return true;
      return '/signin?error=OAuthAccountNotLinked';
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
});
