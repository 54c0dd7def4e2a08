-- Hand-written: the database itself refuses a double booking.
-- No two confirmed bookings of one host may have overlapping blocked ranges
-- ([start - buffer_before, end + buffer_after)), whatever their start times.
-- A violating insert fails with SQLSTATE 23P01 (exclusion_violation).
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("host_user_id" WITH =, "blocked_range" WITH &&)
  WHERE ("status" = 'confirmed');
