ALTER TABLE "email_notifications" ADD COLUMN "from_address" varchar(320);--> statement-breakpoint
ALTER TABLE "email_notifications" ADD COLUMN "reply_to" varchar(255);--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "idx_bookings_confirmed_start" ON "bookings" USING btree ("start_time") WHERE "bookings"."status" = 'confirmed';