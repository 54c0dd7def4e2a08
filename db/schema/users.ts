import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';

/** Top-level paths the app uses or will use; a host may not take one as a username. */
export const reservedUsernames = ['api', 'bookings', 'dev', 'dashboard', 'settings', 'signin', 'signout', 'signup', 'login', 'logout', 'admin', 'embed', 'static', 'public'] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 255 }).notNull().unique(),
    // Null for hosts who only sign in with OAuth.
    passwordHash: varchar('password_hash', { length: 255 }),
    name: varchar('name', { length: 255 }).notNull(),
    // The public booking page lives at /{username}.
    username: varchar('username', { length: 64 }).notNull().unique(),
    timeZone: varchar('time_zone', { length: 64 }).notNull().default('UTC'),
    role: varchar('role', { length: 20 }).notNull().default('user'),
    // Sessions carry the version they were issued under; bumping it (password change) ends them all.
    sessionVersion: integer('session_version').notNull().default(0),
    // Invitees always get reminders; the host gets them only after opting in on the settings page.
    hostReminderEmails: boolean('host_reminder_emails').notNull().default(false),
    // Auth.js adapter fields.
    emailVerified: instant('email_verified'),
    image: text('image'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'`),
    check('users_role_valid', sql`${t.role} in ('user', 'admin')`),
    // /{username} shares the URL space with the app's own top-level routes.
    check('users_username_not_reserved', sql`${t.username} not in (${sql.raw(reservedUsernames.map((u) => `'${u}'`).join(', '))})`),
  ],
);

// Auth.js tables (shape required by @auth/drizzle-adapter; columns snake_case here).
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: varchar('type', { length: 32 }).notNull(),
    provider: varchar('provider', { length: 64 }).notNull(),
    providerAccountId: varchar('provider_account_id', { length: 255 }).notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: varchar('token_type', { length: 64 }),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: varchar('session_token', { length: 255 }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: instant('expires').notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: varchar('identifier', { length: 255 }).notNull(),
    token: varchar('token', { length: 255 }).notNull(),
    expires: instant('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Usernames a host gave up: their old public links keep working by redirecting to the new name. */
export const usernameRedirects = pgTable('username_redirects', {
  username: varchar('username', { length: 64 }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});
