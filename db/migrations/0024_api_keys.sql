-- Host API keys (only the key's SHA-256 is stored; the key is shown once) and the Idempotency-Key
-- replies of the host API's creating POSTs, per host.
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"scope" varchar(16) NOT NULL,
	"prefix" varchar(16) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "api_keys_scope_valid" CHECK ("api_keys"."scope" in ('read', 'read-write')),
	CONSTRAINT "api_keys_name_not_blank" CHECK (length(trim("api_keys"."name")) > 0)
);--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_api_keys_user" ON "api_keys" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE TABLE "api_idempotency_keys" (
	"user_id" uuid NOT NULL,
	"idempotency_key" varchar(255) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_keys_user_id_idempotency_key_pk" PRIMARY KEY("user_id","idempotency_key"),
	CONSTRAINT "api_idempotency_keys_reply_whole" CHECK (("api_idempotency_keys"."response_status" is null) = ("api_idempotency_keys"."response_body" is null))
);--> statement-breakpoint
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- /docs/api (the API reference) makes "docs" an app route: a redirect holding the name is dropped and a
-- host holding it gets a suffixed name, as migration 0011 did for the names it reserved.
-- One-time links (0021) made "d" an app route too (/d/{token}); no username can be that short, but the list says so.
DELETE FROM "username_redirects" WHERE "username" = 'docs';--> statement-breakpoint
UPDATE "users" SET "username" = 'docs-' || substr(md5("id"::text), 1, 8) WHERE "username" = 'docs';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_username_not_reserved";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_not_reserved" CHECK ("users"."username" not in ('about', 'account', 'admin', 'api', 'auth', 'bookings', 'd', 'dashboard', 'demo', 'dev', 'docs', 'embed', 'forgot-password', 'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin', 'signout', 'signup', 'static', 'terms', 'verify-email', 'www') or ("users"."username" = 'demo' and "users"."email" = 'demo@example.com'));
