-- Group events (seats): a meeting type may take up to seats_per_slot invitees per start time (null: one).
-- Each invitee keeps their own booking row; the rows of one occasion (same meeting type, same start)
-- share a seat_key, and the overlap guard lets only rows with the same key overlap each other.
ALTER TABLE "meeting_types" ADD COLUMN "seats_per_slot" integer;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_seats_per_slot_range" CHECK ("meeting_types"."seats_per_slot" is null or "meeting_types"."seats_per_slot" between 2 and 1000);--> statement-breakpoint
-- The occasion a seated booking belongs to: its meeting type and start instant (epoch milliseconds).
-- IMMUTABLE is honest: timezone('UTC', …) and the epoch of a plain timestamp never read the session zone.
CREATE OR REPLACE FUNCTION booking_seat_key(meeting_type_id uuid, start_time timestamptz)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT meeting_type_id::text || '@' || (date_part('epoch', timezone('UTC', start_time)) * 1000)::bigint::text
$$;--> statement-breakpoint
-- The app says only whether a booking takes a seat; Postgres derives the key, so no row can name another occasion.
ALTER TABLE "bookings" ADD COLUMN "seated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "seat_key" text GENERATED ALWAYS AS (CASE WHEN "seated" THEN booking_seat_key("meeting_type_id", "start_time") END) STORED;--> statement-breakpoint
-- No two holding bookings of one host may overlap unless they are seats of the same occasion: a row
-- without a key compares by its own id, so it conflicts with everything it overlaps. Pending bookings
-- (requires confirmation) hold their slot like confirmed ones.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("host_user_id" WITH =, "blocked_range" WITH &&, (coalesce("seat_key", "id"::text)) WITH <>)
  WHERE ("status" IN ('confirmed', 'pending'));--> statement-breakpoint
-- Counting an occasion's seats under the host lock, and listing its attendees.
CREATE INDEX "idx_bookings_seat_key" ON "bookings" USING btree ("seat_key") WHERE "seat_key" is not null;
