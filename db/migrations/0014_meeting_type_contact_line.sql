-- How an invitee reaches the host once online changes are closed (shown on the confirmation, the
-- manage pages, the emails and the .ics). Optional, one line, bounded like the app's zod schema.
ALTER TABLE "meeting_types" ADD COLUMN "contact_line" varchar(200);
