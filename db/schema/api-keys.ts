import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns';
import { users } from './users';

export const apiKeyScopes = ['read', 'read-write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/**
 * A host's API keys. Only the SHA-256 of a key is kept (the key itself is shown once); `prefix` is
 * its first characters, for the host to tell keys apart. A revoked key stays listed, refused.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    scope: varchar('scope', { length: 16 }).$type<ApiKeyScope>().notNull(),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    keyHash: varchar('key_hash', { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
    /** Written at most once a minute per key, so the hot path stays a read. */
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    check('api_keys_scope_valid', sql`${t.scope} in ('read', 'read-write')`),
    check('api_keys_name_not_blank', sql`length(trim(${t.name})) > 0`),
    index('idx_api_keys_user').on(t.userId, t.createdAt),
  ],
);

/**
 * Idempotency-Key of the host API's creating POSTs, per host: the digest of the request and, once it
 * finished, the reply to replay. A row without a reply is a request still running.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.idempotencyKey] }),
    check('api_idempotency_keys_reply_whole', sql`(${t.responseStatus} is null) = (${t.responseBody} is null)`),
  ],
);
