import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';

/**
 * Names a host may never take: every top-level route of the app (tests/integration/reserved-usernames
 * walks app/ to keep this complete), the ones planned next, and generic site pages. The DB CHECK
 * (users_username_not_reserved) is built from this list; migrations repeat it and a test compares them.
 */
export const reservedUsernames = [
  'about', 'account', 'admin', 'api', 'auth', 'bookings', 'd', 'dashboard', 'demo', 'dev', 'docs', 'embed', 'forgot-password',
  'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin',
  'signout', 'signup', 'static', 'team', 'teams', 'terms', 'verify-email', 'www',
] as const;

/** The seeded development host may hold `demo` (the seed never runs in production, and no one else can). */
export const demoHostIdentity = { username: 'demo', email: 'demo@example.com' } as const;

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
    // The host's clock on the dashboard and in their emails; 'auto' follows `locale` (lib/hosts/host-clock.ts).
    hourCycle: varchar('hour_cycle', { length: 4 }).$type<'auto' | '12h' | '24h'>().notNull().default('auto'),
    // The browser's language when the host signed up (Accept-Language), e.g. "en-GB"; null before 0018.
    locale: varchar('locale', { length: 35 }),
    // Auth.js adapter fields.
    // Null until the host confirms the address (lib/hosts/accounts/verify-email.ts); an unverified
    // host's pages take no bookings and their address receives only verification mail.
    emailVerified: instant('email_verified'),
    image: text('image'),
    // Set when the host deleted their account: the row stays (bookings reference it), anonymised.
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'`),
    check('users_role_valid', sql`${t.role} in ('user', 'admin')`),
    check('users_hour_cycle_valid', sql`${t.hourCycle} in ('auto', '12h', '24h')`),
    // /{username} shares the URL space with the app's own top-level routes.
    check(
      'users_username_not_reserved',
      sql`${t.username} not in (${sql.raw(reservedUsernames.map((u) => `'${u}'`).join(', '))}) or (${t.username} = ${sql.raw(`'${demoHostIdentity.username}'`)} and ${t.email} = ${sql.raw(`'${demoHostIdentity.email}'`)})`,
    ),
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

/**
 * One row per live session: the session JWT carries its key (sid). A session whose row is gone is
 * over, so sign-out and "sign out everywhere else" take effect at once (lib/hosts/accounts/live-sessions.ts).
 */
export const sessions = pgTable(
  'sessions',
  {
    sessionToken: varchar('session_token', { length: 255 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: instant('expires').notNull(),
  },
  (t) => [index('idx_sessions_user').on(t.userId)],
);

export const accountTokenPurposes = ['verify_email', 'change_email', 'reset_password'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/**
 * Single-use links mailed to a host (verify the address, confirm a new one, reset the password).
 * Only the token's SHA-256 is stored; the token is derived from the row id and the signing secret.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: varchar('purpose', { length: 20 }).$type<AccountTokenPurpose>().notNull(),
    // The address the link was mailed to (for change_email, the new address it will set).
    email: varchar('email', { length: 255 }).notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('account_tokens_purpose', sql`${t.purpose} in ('verify_email', 'change_email', 'reset_password')`),
    index('idx_account_tokens_user_purpose').on(t.userId, t.purpose, t.createdAt),
  ],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: varchar('identifier', { length: 255 }).notNull(),
    token: varchar('token', { length: 255 }).notNull(),
    expires: instant('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Usernames a host gave up: their old public links redirect to the new name until `expires_at`
 * (90 days); after that the row is ignored, deleted lazily, and the name is free for anyone.
 */
export const usernameRedirects = pgTable(
  'username_redirects',
  {
    username: varchar('username', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('idx_username_redirects_expires_at').on(t.expiresAt)],
);

/** Every rename, so renames can be limited per window (3 in 30 days); rows older than the window are pruned. */
export const usernameChanges = pgTable(
  'username_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromUsername: varchar('from_username', { length: 64 }).notNull(),
    toUsername: varchar('to_username', { length: 64 }).notNull(),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [index('idx_username_changes_user_changed_at').on(t.userId, t.changedAt)],
);
