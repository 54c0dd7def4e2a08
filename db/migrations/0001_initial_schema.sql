CREATE TABLE "availability_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_overrides_window" CHECK (("availability_overrides"."start_time" is null and "availability_overrides"."end_time" is null) or ("availability_overrides"."start_time" is not null and "availability_overrides"."end_time" is not null and "availability_overrides"."end_time" > "availability_overrides"."start_time"))
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"day_of_week" integer NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_rules_day_of_week" CHECK ("availability_rules"."day_of_week" between 0 and 6),
	CONSTRAINT "availability_rules_end_after_start" CHECK ("availability_rules"."end_time" > "availability_rules"."start_time")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_type_id" uuid NOT NULL,
	"host_user_id" uuid NOT NULL,
	"invitee_name" varchar(255) NOT NULL,
	"invitee_email" varchar(255) NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"invitee_timezone" varchar(64) NOT NULL,
	"status" varchar(20) DEFAULT 'confirmed' NOT NULL,
	"cancellation_reason" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"idempotency_key" varchar(255),
	"idempotency_request_hash" varchar(64),
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"blocked_range" "tstzrange" GENERATED ALWAYS AS (booking_blocked_range(start_time, end_time, buffer_before_minutes, buffer_after_minutes)) STORED,
	"cancel_token_hash" varchar(64) NOT NULL,
	"reschedule_token_hash" varchar(64) NOT NULL,
	"rescheduled_from_id" uuid,
	"calendar_event_id" varchar(255),
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_end_after_start" CHECK ("bookings"."end_time" > "bookings"."start_time"),
	CONSTRAINT "bookings_status_valid" CHECK ("bookings"."status" in ('confirmed', 'cancelled', 'rescheduled')),
	CONSTRAINT "bookings_buffers_non_negative" CHECK ("bookings"."buffer_before_minutes" >= 0 and "bookings"."buffer_after_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings_archive" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_type_id" uuid NOT NULL,
	"host_user_id" uuid NOT NULL,
	"invitee_name" varchar(255) NOT NULL,
	"invitee_email" varchar(255) NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"invitee_timezone" varchar(64) NOT NULL,
	"status" varchar(20) NOT NULL,
	"cancellation_reason" text,
	"notes" text,
	"version" integer DEFAULT 1,
	"idempotency_key" varchar(255),
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"rescheduled_from_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" varchar(20) NOT NULL,
	"account_email" varchar(255),
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"expires_at" timestamp with time zone,
	"scopes" text,
	"ics_url" text,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"watch_channel_id" varchar(255),
	"watch_resource_id" varchar(255),
	"watch_secret" varchar(255),
	"watch_expires_at" timestamp with time zone,
	"sync_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_connections_user_provider_account" UNIQUE("user_id","provider","account_email"),
	CONSTRAINT "calendar_connections_provider" CHECK ("calendar_connections"."provider" in ('google', 'microsoft', 'ics')),
	CONSTRAINT "calendar_connections_status" CHECK ("calendar_connections"."status" in ('active', 'reauth_required', 'error'))
);
--> statement-breakpoint
CREATE TABLE "external_busy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"source_event_id" varchar(1024) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_busy_connection_event" UNIQUE("connection_id","source_event_id"),
	CONSTRAINT "external_busy_end_after_start" CHECK ("external_busy"."end_time" > "external_busy"."start_time")
);
--> statement-breakpoint
CREATE TABLE "meeting_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(255) NOT NULL,
	"description" text,
	"duration_minutes" integer DEFAULT 30 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"max_bookings_per_day" integer,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"max_days_in_future" integer DEFAULT 60 NOT NULL,
	"slot_interval_minutes" integer,
	"location" text,
	"color" varchar(7) DEFAULT '#3B82F6',
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_types_user_id_slug_unique" UNIQUE("user_id","slug"),
	CONSTRAINT "meeting_types_duration_positive" CHECK ("meeting_types"."duration_minutes" between 1 and 1440),
	CONSTRAINT "meeting_types_buffers_non_negative" CHECK ("meeting_types"."buffer_before_minutes" >= 0 and "meeting_types"."buffer_after_minutes" >= 0),
	CONSTRAINT "meeting_types_notice_non_negative" CHECK ("meeting_types"."min_notice_minutes" >= 0),
	CONSTRAINT "meeting_types_window_positive" CHECK ("meeting_types"."max_days_in_future" between 1 and 730),
	CONSTRAINT "meeting_types_interval_positive" CHECK ("meeting_types"."slot_interval_minutes" is null or "meeting_types"."slot_interval_minutes" between 1 and 1440),
	CONSTRAINT "meeting_types_daily_limit_positive" CHECK ("meeting_types"."max_bookings_per_day" is null or "meeting_types"."max_bookings_per_day" > 0)
);
--> statement-breakpoint
CREATE TABLE "email_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid,
	"recipient_email" varchar(255) NOT NULL,
	"notification_type" varchar(40) NOT NULL,
	"subject" varchar(500) NOT NULL,
	"body" text,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"provider_message_id" varchar(255),
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_notifications_once" UNIQUE("booking_id","recipient_email","notification_type")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_name" varchar(100) NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" varchar(32) NOT NULL,
	"provider" varchar(64) NOT NULL,
	"provider_account_id" varchar(255) NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" varchar(64),
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" varchar(255) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(255) NOT NULL,
	"password_hash" varchar(255),
	"name" varchar(255) NOT NULL,
	"username" varchar(64) NOT NULL,
	"time_zone" varchar(64) DEFAULT 'UTC' NOT NULL,
	"role" varchar(20) DEFAULT 'user' NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
	CONSTRAINT "users_role_valid" CHECK ("users"."role" in ('user', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" varchar(255) NOT NULL,
	"token" varchar(255) NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_rescheduled_from_id_bookings_id_fk" FOREIGN KEY ("rescheduled_from_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_busy" ADD CONSTRAINT "external_busy_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_busy" ADD CONSTRAINT "external_busy_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD CONSTRAINT "email_notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_availability_overrides_user_date" ON "availability_overrides" USING btree ("user_id","date");--> statement-breakpoint
CREATE INDEX "idx_availability_user_day" ON "availability_rules" USING btree ("user_id","day_of_week","is_active");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_bookings_idempotency_key" ON "bookings" USING btree ("idempotency_key") WHERE "bookings"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "idx_bookings_host_time" ON "bookings" USING btree ("host_user_id","start_time","end_time");--> statement-breakpoint
CREATE INDEX "idx_bookings_meeting_type_time" ON "bookings" USING btree ("meeting_type_id","start_time");--> statement-breakpoint
CREATE INDEX "idx_calendar_connections_watch_channel" ON "calendar_connections" USING btree ("watch_channel_id");--> statement-breakpoint
CREATE INDEX "idx_external_busy_user_time" ON "external_busy" USING btree ("user_id","start_time","end_time");--> statement-breakpoint
CREATE INDEX "idx_email_notifications_created" ON "email_notifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_outbox_pending" ON "outbox" USING btree ("created_at") WHERE "outbox"."dispatched_at" is null;