-- The language an invitee booked in (the booking page's: en, de, fr, es): their confirmation, the
-- reminders and the emails about a move or a cancellation are written in it, and a reschedule keeps it.
-- Bookings made before this were made on English pages.
ALTER TABLE "bookings" ADD COLUMN "locale" varchar(35) DEFAULT 'en' NOT NULL;
