-- Hand-written: a group event's seats are booked instantly; a meeting type cannot both take seats and
-- require the host's confirmation (lib/hosts/meeting-types/schemas.ts refuses it with a field error first).
ALTER TABLE "meeting_types"
  ADD CONSTRAINT "meeting_types_seats_without_approval"
  CHECK (NOT ("requires_confirmation" AND "seats_per_slot" IS NOT NULL));
