-- Secret meeting types: bookable by their URL, never listed on the host's page or its embed.
ALTER TABLE "meeting_types" ADD COLUMN "is_secret" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- One-time links (/d/{token}): a single booking of one meeting type. Only the token's SHA-256 is kept;
-- booking consumes the row with a conditional update in the booking's own transaction, so a link
-- used twice at once makes exactly one booking.
CREATE TABLE "one_time_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_type_id" uuid NOT NULL,
	"host_user_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"used_by_booking_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "one_time_links_used_once" CHECK ("used_by_booking_id" IS NULL OR "used_at" IS NOT NULL),
	CONSTRAINT "one_time_links_used_or_revoked" CHECK ("used_at" IS NULL OR "revoked_at" IS NULL),
	CONSTRAINT "one_time_links_expiry_after_creation" CHECK ("expires_at" IS NULL OR "expires_at" > "created_at")
);--> statement-breakpoint
-- The link's host is its meeting type's host (the same guard bookings have).
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_meeting_type_host_fk" FOREIGN KEY ("meeting_type_id","host_user_id") REFERENCES "public"."meeting_types"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Checked at commit: the booking consumes its link before its own row is inserted (same transaction).
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_used_by_booking_id_bookings_id_fk" FOREIGN KEY ("used_by_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX "idx_one_time_links_meeting_type_created" ON "one_time_links" USING btree ("meeting_type_id","created_at");
