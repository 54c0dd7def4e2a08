CREATE TABLE "username_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"from_username" varchar(64) NOT NULL,
	"to_username" varchar(64) NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "username_changes" ADD CONSTRAINT "username_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_username_changes_user_changed_at" ON "username_changes" USING btree ("user_id","changed_at");--> statement-breakpoint
-- Old names redirect for 90 days from when they were given up, then are released.
ALTER TABLE "username_redirects" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "username_redirects" SET "expires_at" = "created_at" + interval '90 days';--> statement-breakpoint
ALTER TABLE "username_redirects" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_username_redirects_expires_at" ON "username_redirects" USING btree ("expires_at");--> statement-breakpoint
-- Newly reserved names: a redirect holding one is dropped, and a host holding one (say, a first
-- production sign-up that took "demo") gets a suffixed name, since those addresses belong to the app.
DELETE FROM "username_redirects" WHERE "username" IN ('about', 'account', 'admin', 'api', 'auth', 'bookings', 'dashboard', 'demo', 'dev', 'embed', 'forgot-password', 'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin', 'signout', 'signup', 'static', 'terms', 'verify-email', 'www');--> statement-breakpoint
UPDATE "users" SET "username" = left("username", 55) || '-' || substr(md5("id"::text), 1, 8)
	WHERE "username" IN ('about', 'account', 'admin', 'api', 'auth', 'bookings', 'dashboard', 'demo', 'dev', 'embed', 'forgot-password', 'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin', 'signout', 'signup', 'static', 'terms', 'verify-email', 'www')
	AND NOT ("username" = 'demo' AND "email" = 'demo@example.com');--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_username_not_reserved";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_not_reserved" CHECK ("users"."username" not in ('about', 'account', 'admin', 'api', 'auth', 'bookings', 'dashboard', 'demo', 'dev', 'embed', 'forgot-password', 'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin', 'signout', 'signup', 'static', 'terms', 'verify-email', 'www') or ("users"."username" = 'demo' and "users"."email" = 'demo@example.com'));
