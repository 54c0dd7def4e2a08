-- The host's clock: '12h', '24h', or 'auto' (what the host's locale uses). The locale is the browser's
-- language at sign-up (Accept-Language); hosts from before it have none, and 'auto' then reads 12-hour.
ALTER TABLE "users" ADD COLUMN "hour_cycle" varchar(4) DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" varchar(35);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_hour_cycle_valid" CHECK ("users"."hour_cycle" in ('auto', '12h', '24h'));
