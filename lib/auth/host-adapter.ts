import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { Database } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { uniqueUsername } from '@/lib/hosts/accounts/usernames';

/**
 * Auth.js's Drizzle adapter, with createUser wrapped: users.username is NOT NULL and public, so every
 * user made by an OAuth sign-in gets a valid, unique, unreserved one (and UTC until they choose a zone).
 */
export function hostAdapter(database: Database): Adapter {
  const base = DrizzleAdapter(database, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    ...base,
    // Stored addresses are lower case; a provider may send "Ann@Example.com".
    getUserByEmail: (email: string) => base.getUserByEmail!(email.trim().toLowerCase()),
    async createUser(user: AdapterUser): Promise<AdapterUser> {
      const email = user.email.trim().toLowerCase();
      const [created] = await database
        .insert(users)
        .values({
          email,
          name: user.name?.trim() || email.split('@')[0]!,
          username: await uniqueUsername(database, email, user.name),
          emailVerified: user.emailVerified,
          image: user.image,
        })
        .returning();
      if (!created) throw new Error('createUser returned no row');
      return { id: created.id, email: created.email, name: created.name, emailVerified: created.emailVerified, image: created.image };
    },
  };
}
