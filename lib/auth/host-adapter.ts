import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { Database } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { createHost } from '@/lib/hosts/accounts/create-host';
import { releaseUnverifiedAddress } from '@/lib/hosts/accounts/unverified-address';
import { uniqueUsername } from '@/lib/hosts/accounts/usernames';

/**
 * Auth.js's Drizzle adapter, with createUser wrapped: users.username is NOT NULL and public, so every
 * user made by an OAuth sign-in gets a valid, unique, unreserved one, and is made by createHost: default
 * weekly hours in `timeZone` (the zone the browser reported, sign-up-zone.ts), and a verified address
 * (the provider vouched for it).
 */
export function hostAdapter(database: Database, newHost: { timeZone: string; locale?: string | null }): Adapter {
  const base = DrizzleAdapter(database, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    ...base,
    // Stored addresses are lower case; a provider may send "Ann@Example.com". Auth.js asks only after
    // the signIn callback accepted the provider's word that this person owns the address, so an
    // unverified account holding it lets go (and Auth.js creates the owner's account).
    async getUserByEmail(email: string) {
      const address = email.trim().toLowerCase();
      await database.transaction((tx) => releaseUnverifiedAddress(tx, address));
      return base.getUserByEmail!(address);
    },
    async createUser(user: AdapterUser): Promise<AdapterUser> {
      const email = user.email.trim().toLowerCase();
      const username = await uniqueUsername(database, email, user.name);
      const created = await database.transaction((tx) =>
        createHost(tx, {
          email,
          name: user.name?.trim() || email.split('@')[0]!,
          username,
          timeZone: newHost.timeZone,
          locale: newHost.locale,
          // Only reached through a provider that vouched for the address (the signIn callback).
          emailVerified: user.emailVerified ?? new Date(),
          image: user.image,
        }),
      );
      return { id: created.id, email: created.email, name: created.name, emailVerified: created.emailVerified, image: created.image };
    },
  };
}
