-- Fair, backed-off polling: every connection has its next attempt; failures back off and, after a
-- day of them, stop the connection (status 'error') until the host tries again.
ALTER TABLE "calendar_connections" ADD COLUMN "next_sync_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "failure_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "last_sync_warning" text;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_failure_count" CHECK ("calendar_connections"."failure_count" >= 0);--> statement-breakpoint
UPDATE "calendar_connections" SET "next_sync_at" = coalesce("last_synced_at" + interval '10 minutes', now());--> statement-breakpoint
CREATE INDEX "idx_calendar_connections_due" ON "calendar_connections" USING btree ("next_sync_at") WHERE "calendar_connections"."status" = 'active';
