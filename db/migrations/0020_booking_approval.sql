-- Requires confirmation (issue 18): a request is a 'pending' booking that holds its slot exactly like a
-- confirmed one until the host approves it ('confirmed'), declines it ('declined') or it expires
-- ('expired'). The approve/decline link's token is stored only as a hash.
ALTER TABLE "meeting_types" ADD COLUMN "requires_confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "auto_decline_after_hours" integer;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_auto_decline_range" CHECK ("meeting_types"."auto_decline_after_hours" is null or "meeting_types"."auto_decline_after_hours" between 1 and 720);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "approval_token_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "approval_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_status_valid";--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_status_valid" CHECK ("bookings"."status" in ('pending', 'confirmed', 'cancelled', 'rescheduled', 'declined', 'expired'));--> statement-breakpoint
-- A request can always be decided by its link and always ends: it has both while it is pending.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_pending_has_approval" CHECK ("bookings"."status" <> 'pending' or ("bookings"."approval_token_hash" is not null and "bookings"."approval_expires_at" is not null and "bookings"."decided_at" is null));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_when_refused" CHECK ("bookings"."status" not in ('declined', 'expired') or "bookings"."decided_at" is not null);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decline_reason_only_declined" CHECK ("bookings"."decline_reason" is null or "bookings"."status" = 'declined');--> statement-breakpoint
-- The no-overlap guard now covers requests too: a pending booking holds its blocked range.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("host_user_id" WITH =, "blocked_range" WITH &&)
  WHERE ("status" in ('confirmed', 'pending'));--> statement-breakpoint
-- The expiry sweep: requests whose time to be decided has run out.
CREATE INDEX "idx_bookings_pending_expiry" ON "bookings" USING btree ("approval_expires_at") WHERE "bookings"."status" = 'pending';
