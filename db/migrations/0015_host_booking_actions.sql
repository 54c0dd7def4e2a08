-- The host's actions on a booking (issue 17): who cancelled, the invitee's no-show, and a pending
-- request that the invitee pick a new time. A booking with a pending request stays 'confirmed', so the
-- EXCLUDE constraint (bookings_no_overlap, WHERE status = 'confirmed') keeps holding its time.
ALTER TABLE "bookings" ADD COLUMN "cancelled_by" varchar(20);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "no_show_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "new_time_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "new_time_request_message" text;--> statement-breakpoint
-- Cancellations made before this column existed: the outbox keeps who did it in the event's payload.
UPDATE "bookings" AS b SET "cancelled_by" = o."payload"->>'cancelledBy'
  FROM "outbox" AS o
  WHERE b."status" = 'cancelled' AND o."event_name" = 'booking/cancelled'
    AND o."payload"->>'bookingId' = b."id"::text AND o."payload"->>'cancelledBy' IN ('invitee', 'host', 'system');--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_valid" CHECK ("bookings"."cancelled_by" is null or ("bookings"."cancelled_by" in ('invitee', 'host', 'system') and "bookings"."status" = 'cancelled'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_show_only_confirmed" CHECK ("bookings"."no_show_at" is null or "bookings"."status" = 'confirmed');--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_new_time_request_only_confirmed" CHECK ("bookings"."new_time_requested_at" is null or "bookings"."status" = 'confirmed');
