import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';
import { users } from './users';

// Teams (migration 0027): members with a role, invitations by email, and meeting types of their own
// (meeting_types.team_id, with meeting_type_hosts naming which members each one can be booked with).

export const teamRoles = ['owner', 'admin', 'member'] as const;
export type TeamRole = (typeof teamRoles)[number];

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 255 }).notNull(),
    // The public page lives at /team/{slug}; the same format as usernames.
    slug: varchar('slug', { length: 64 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('teams_slug_unique').on(t.slug),
    check('teams_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'`),
    check('teams_name_not_blank', sql`length(btrim(${t.name})) > 0`),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 20 }).$type<TeamRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'team_members_pk', columns: [t.teamId, t.userId] }),
    check('team_members_role_valid', sql`${t.role} in ('owner', 'admin', 'member')`),
    index('idx_team_members_user').on(t.userId),
  ],
);

/** An emailed invitation: the link's token is derived and never stored, only its hash. */
export const teamInvitations = pgTable(
  'team_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    // Lower-cased and trimmed; only a host signed in with this address may accept.
    email: varchar('email', { length: 255 }).notNull(),
    role: varchar('role', { length: 20 }).$type<TeamRole>().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('team_invitations_token_hash_unique').on(t.tokenHash),
    check('team_invitations_role_valid', sql`${t.role} in ('owner', 'admin', 'member')`),
    check('team_invitations_email_canonical', sql`${t.email} = lower(btrim(${t.email}))`),
    check('team_invitations_accepted_or_revoked', sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
    uniqueIndex('team_invitations_one_open_per_email')
      .on(t.teamId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
