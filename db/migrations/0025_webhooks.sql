-- Webhooks (Standard Webhooks): a host's endpoints, one delivery per (endpoint, event) with the
-- stable `webhook-id`, and every attempt at it for the delivery log. The constraints keep each row's
-- state coherent whatever code writes it.
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"url" varchar(2000) NOT NULL,
	"events" text[] NOT NULL,
	"secret_encrypted" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" varchar(20),
	"failing_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_events_valid" CHECK (cardinality("webhook_endpoints"."events") >= 1 and "webhook_endpoints"."events" <@ array['booking.created', 'booking.cancelled', 'booking.rescheduled', 'booking.no_show', 'meeting_type.created', 'meeting_type.updated', 'meeting_type.deleted']::text[]),
	CONSTRAINT "webhook_endpoints_url_scheme" CHECK ("webhook_endpoints"."url" ~ '^https?://'),
	CONSTRAINT "webhook_endpoints_disabled_reason_valid" CHECK (("webhook_endpoints"."enabled" and "webhook_endpoints"."disabled_reason" is null) or (not "webhook_endpoints"."enabled" and "webhook_endpoints"."disabled_reason" in ('host', 'gone', 'failing')))
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" varchar(40) PRIMARY KEY NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_type" varchar(40) NOT NULL,
	"source_event_id" uuid,
	"payload" jsonb NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_endpoint_source_unique" UNIQUE("endpoint_id","source_event_id"),
	CONSTRAINT "webhook_deliveries_id_format" CHECK ("webhook_deliveries"."id" ~ '^msg_[A-Za-z0-9_-]{16,36}$'),
	CONSTRAINT "webhook_deliveries_status_valid" CHECK ("webhook_deliveries"."status" in ('pending', 'succeeded', 'failed', 'dead')),
	CONSTRAINT "webhook_deliveries_pending_has_next_attempt" CHECK (("webhook_deliveries"."status" = 'pending') = ("webhook_deliveries"."next_attempt_at" is not null)),
	CONSTRAINT "webhook_deliveries_attempts_bounded" CHECK ("webhook_deliveries"."attempts" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" varchar(40) NOT NULL,
	"attempt_number" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" varchar(500),
	"duration_ms" integer NOT NULL,
	"response_excerpt" varchar(1024),
	CONSTRAINT "webhook_attempts_delivery_attempt_unique" UNIQUE("delivery_id","attempt_number"),
	CONSTRAINT "webhook_attempts_has_outcome" CHECK ("webhook_attempts"."status_code" is not null or "webhook_attempts"."error" is not null)
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_webhook_endpoints_user" ON "webhook_endpoints" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "idx_webhook_deliveries_endpoint_created" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_webhook_attempts_delivery" ON "webhook_attempts" USING btree ("delivery_id");
