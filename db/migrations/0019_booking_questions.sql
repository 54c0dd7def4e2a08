-- Custom booking questions (issue 18). The host's questions live on the meeting type as a JSON array
-- (lib/hosts/meeting-types/booking-questions.ts validates each one on write and on read); the answers
-- live on the booking, each with the question's label and type as they were when the invitee answered,
-- so editing or removing a question never changes what a booking says. Postgres keeps both arrays and
-- the question count bounded whatever writes them.
ALTER TABLE "meeting_types" ADD COLUMN "booking_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_booking_questions_bounded" CHECK (jsonb_typeof("booking_questions") = 'array' and jsonb_array_length("booking_questions") <= 20);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "answers" jsonb;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_answers_bounded" CHECK ("answers" is null or (jsonb_typeof("answers") = 'array' and jsonb_array_length("answers") <= 20));
