-- Hand-written: what the schema below relies on but drizzle-kit cannot express.
-- btree_gist lets one EXCLUDE constraint combine "same host" (=) with "ranges overlap" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- The time a booking keeps the host busy: its meeting plus the buffers around it.
-- IMMUTABLE is honest here: minute intervals never depend on the session time zone.
CREATE OR REPLACE FUNCTION booking_blocked_range(
  start_time timestamptz,
  end_time timestamptz,
  buffer_before_minutes integer,
  buffer_after_minutes integer
) RETURNS tstzrange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT tstzrange(
    start_time - make_interval(mins => buffer_before_minutes),
    end_time + make_interval(mins => buffer_after_minutes),
    '[)'
  )
$$;
