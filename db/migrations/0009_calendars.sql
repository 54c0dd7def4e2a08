CREATE TABLE "calendar_oauth_states" (
	"state_hash" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" varchar(20) NOT NULL,
	"code_verifier" varchar(128) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connected_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"external_id" varchar(1024) NOT NULL,
	"name" varchar(255) NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"blocks_time" boolean DEFAULT true NOT NULL,
	"receives_events" boolean DEFAULT false NOT NULL,
	"sync_cursor" text,
	"last_synced_at" timestamp with time zone,
	"watch_id" varchar(255),
	"watch_resource_id" varchar(255),
	"watch_expires_at" timestamp with time zone,
	"watch_message_number" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connected_calendars_connection_external" UNIQUE("connection_id","external_id")
);
--> statement-breakpoint
ALTER TABLE "external_busy" DROP CONSTRAINT "external_busy_connection_event";--> statement-breakpoint
DROP INDEX "idx_calendar_connections_watch_channel";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "calendar_event_id" SET DATA TYPE varchar(1024);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "calendar_event_calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "calendar_join_url" text;--> statement-breakpoint
ALTER TABLE "external_busy" ADD COLUMN "calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "add_video_link" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_oauth_states" ADD CONSTRAINT "calendar_oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connected_calendars" ADD CONSTRAINT "connected_calendars_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connected_calendars" ADD CONSTRAINT "connected_calendars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idx_connected_calendars_one_receiver" ON "connected_calendars" USING btree ("user_id") WHERE "connected_calendars"."receives_events";--> statement-breakpoint
CREATE INDEX "idx_connected_calendars_user" ON "connected_calendars" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_connected_calendars_watch" ON "connected_calendars" USING btree ("watch_id");--> statement-breakpoint
CREATE INDEX "idx_connected_calendars_watch_expiry" ON "connected_calendars" USING btree ("watch_expires_at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_calendar_event_calendar_id_connected_calendars_id_fk" FOREIGN KEY ("calendar_event_calendar_id") REFERENCES "public"."connected_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_busy" ADD CONSTRAINT "external_busy_calendar_id_connected_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."connected_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_calendar_connections_last_synced" ON "calendar_connections" USING btree ("last_synced_at");--> statement-breakpoint
CREATE UNIQUE INDEX "external_busy_calendar_event" ON "external_busy" USING btree ("calendar_id","source_event_id");--> statement-breakpoint
CREATE INDEX "idx_external_busy_connection" ON "external_busy" USING btree ("connection_id");--> statement-breakpoint
ALTER TABLE "calendar_connections" DROP COLUMN "watch_channel_id";--> statement-breakpoint
ALTER TABLE "calendar_connections" DROP COLUMN "watch_resource_id";--> statement-breakpoint
ALTER TABLE "calendar_connections" DROP COLUMN "watch_secret";--> statement-breakpoint
ALTER TABLE "calendar_connections" DROP COLUMN "watch_expires_at";--> statement-breakpoint
ALTER TABLE "calendar_connections" DROP COLUMN "sync_token";